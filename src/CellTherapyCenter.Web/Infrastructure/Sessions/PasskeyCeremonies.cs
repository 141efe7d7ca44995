using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CellTherapyCenter.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace CellTherapyCenter.Web.Infrastructure.Sessions;

/// <summary>How a passkey sign-in answer was judged.</summary>
public enum PasskeyProofResult
{
    Accepted,
    /// <summary>No valid answer, no such passkey, a sign-in without one of the roles asked for, or one that may not sign in now.</summary>
    Refused,
    /// <summary>The answer was valid but its signature counter could not be stored.</summary>
    [Display(Name = "Not recorded")]
    NotRecorded,
}

/// <summary>The user a passkey answer named (null when none), and the verdict.</summary>
public sealed record PasskeyProof(StaffUser? User, PasskeyProofResult Result);

/// <summary>
/// The WebAuthn ceremonies the staff and portal pages share (ASP.NET Core Identity's passkeys):
/// the challenge for a new passkey and checking and storing what the browser made with it; the
/// challenge for a sign-in and checking the signed answer. The browser side is wwwroot/js/passkeys.js.
/// </summary>
public sealed class PasskeyCeremonies(SignInManager<StaffUser> signIn, UserManager<StaffUser> users)
{
    /// <summary>Longer answers are refused unread.</summary>
    public const int MaxAnswerLength = 64 * 1024;

    /// <summary>The challenge for a new passkey of <paramref name="user"/> (JSON for the browser).</summary>
    public Task<string> CreationOptionsAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var entity = new PasskeyUserEntity
        {
            Id = user.Id, Name = user.UserName ?? user.Id,
            DisplayName = string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName,
        };
        return signIn.MakePasskeyCreationOptionsAsync(entity);
    }

    /// <summary>
    /// Checks and stores the passkey the browser made for <paramref name="user"/>, named "Passkey n".
    /// Returns its name, or why it was not added (in English, for the staff pages; others say it in their words).
    /// </summary>
    public async Task<(string? Name, string? Failure)> AddAsync(StaffUser user, string credentialJson)
    {
        ArgumentNullException.ThrowIfNull(user);
        PasskeyAttestationResult attestation;
        try { attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson); }
        catch (InvalidOperationException) { return (null, "no registration was under way. Try again."); }
        if (!attestation.Succeeded || attestation.UserEntity.Id != user.Id)
            return (null, attestation.Failure?.Message ?? "it was made for another account");
        var count = (await users.GetPasskeysAsync(user)).Count;
        attestation.Passkey.Name = $"Passkey {count + 1}";
        var added = await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey);
        return added.Succeeded ? (attestation.Passkey.Name, null) : (null, "it may belong to another account.");
    }

    /// <summary>The challenge for a sign-in with any passkey of this site (no user named), as JSON.</summary>
    public Task<string> RequestOptionsAsync() => signIn.MakePasskeyRequestOptionsAsync(null);

    /// <summary>
    /// Checks a signed sign-in answer: accepted when it proves a passkey of a sign-in that holds one
    /// of <paramref name="roles"/> and may sign in now. The passkey's signature counter moves on (a
    /// cloned authenticator shows up as a counter going back).
    /// </summary>
    public async Task<PasskeyProof> VerifyAsync(string credentialJson, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        PasskeyAssertionResult<StaffUser>? assertion;
        try { assertion = await signIn.PerformPasskeyAssertionAsync(credentialJson); }
        catch (InvalidOperationException) { assertion = null; } // no sign-in under way (no challenge asked for)

        var user = assertion is { Succeeded: true } ? assertion.User : null;
        var hasRole = user is not null && (await users.GetRolesAsync(user)).Any(roles.Contains);
        if (user is null || !hasRole || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            return new(user, PasskeyProofResult.Refused);
        if (!(await users.AddOrUpdatePasskeyAsync(user, assertion!.Passkey!)).Succeeded) return new(user, PasskeyProofResult.NotRecorded);
        return new(user, PasskeyProofResult.Accepted);
    }

    /// <summary>Signs in with the passkey's proof of possession ("amr": "pop", two factors in one).</summary>
    public Task SignInAsync(StaffUser user) => signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pop")]);
}
