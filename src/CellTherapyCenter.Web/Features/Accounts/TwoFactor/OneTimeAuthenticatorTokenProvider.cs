using System.Security.Cryptography;
using System.Text;
using CellTherapyCenter.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace CellTherapyCenter.Web.Features.Accounts.TwoFactor;

/// <summary>
/// The authenticator-app (TOTP) provider, in place of Identity's: a code is accepted once only
/// (ASVS 4.0.3 V2.8.4). The time step of the last accepted code is stored on the user
/// (<see cref="StaffUser.LastTotpTimeStep"/>) and a code of that step or an earlier one is refused.
/// The step is saved with the user's concurrency stamp, so of two requests racing with the same
/// code one saves and the other fails. Codes of the step before and after the current one are
/// accepted, for clocks a little off.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<StaffUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>Authenticator codes are made by the app, never sent.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = (token ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit)) return false;

        byte[] secret;
        try { secret = Totp.FromBase32(key); }
        catch (FormatException) { return false; }

        var now = Totp.TimeStep(clock.GetUtcNow());
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Totp.Code(secret, step)), Encoding.ASCII.GetBytes(code))) continue;
            if (user.LastTotpTimeStep is { } last && step <= last) return false;
            user.LastTotpTimeStep = step;
            // UpdateAsync checks the concurrency stamp: a second request with the same code loses.
            return (await manager.UpdateAsync(user)).Succeeded;
        }
        return false;
    }
}
