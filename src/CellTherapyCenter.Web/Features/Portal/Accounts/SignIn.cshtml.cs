using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Localization;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.Portal.Accounts;

/// <summary>
/// Sign-in for patients and caregivers. Only a live portal account's sign-in gets in; a staff
/// member's sign-in is refused here with the same message as a wrong password, and vice versa. A
/// passkey (added from the home page's offer or settings) signs in alone, without typing.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
[NoPatientData]
public sealed class SignInModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, RegistryDbContext db,
    AuditLog audit, TimeProvider clock, IStringLocalizer<PortalText> text, SignInAttempts attempts, PasskeyCeremonies passkeys,
    IStringLocalizer<AccountText> accountText) : PageModel
{
    [TextLimit(FieldLengths.UserName, Translated = true)]
    [BindProperty, Required(ErrorMessage = "SignIn.EmailRequired"), EmailAddress(ErrorMessage = "SignIn.EmailInvalid")]
    public string Email { get; set; } = "";

    [TextLimit(FieldLengths.Password, Translated = true)]
    [BindProperty, Required(ErrorMessage = "SignIn.PasswordRequired"), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    /// <summary>The browser's signed passkey answer (wwwroot/js/passkeys.js).</summary>
    [BindProperty, TextLimit(FieldLengths.WebAuthnResponse, Translated = true)]
    public string? CredentialJson { get; set; }

    /// <summary>What the browser said when it could not answer (not shown: the page says it in its own words).</summary>
    [BindProperty, TextLimit(FieldLengths.ShortNote, Translated = true)]
    public string? Error { get; set; }

    public string? PasskeyMessage { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        // The account query runs for unknown addresses too, and the password is hashed either way
        // (SignInAttempts): the answer and its time say nothing about whether an address has an account.
        var userId = user?.Id ?? "";
        var account = await db.PortalAccounts
            .FirstOrDefaultAsync(a => a.UserId == userId && a.VoidedAt == null && a.AcceptedAt != null, ct);
        var servedHere = await attempts.HasRoleAsync(user, [PortalAccess.Role], ct) && account is not null;
        var check = attempts.Check(user, servedHere, Password);

        if (check == SignInCheck.PasswordAccepted)
        {
            await signIn.SignInAsync(user!, isPersistent: false);
            account!.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            await audit.WriteAsync(AuditActions.Login, nameof(PortalAccount), account.Id.ToString(), account.PatientId, "portal",
                ct, userName: user!.UserName, userId: user.Id);
            if (SiteLanguages.Find(account.Language) is { } language) LocalizationSetup.RememberLanguage(Response, language);
            return LocalRedirect(LocalReturnUrl.IsSafe(ReturnUrl) && ReturnUrl!.StartsWith(Url.Page("/Portal/Home")!, StringComparison.Ordinal) ? ReturnUrl : Url.Page("/Portal/Home")!);
        }
        // The audit line and the failure count SignInAttempts kept on the account, in one commit as for an unknown address.
        await attempts.SaveFailureAsync(c => audit.WriteAsync(check == SignInCheck.BackingOff ? AuditActions.Lockout : AuditActions.LoginFailed,
            nameof(PortalAccount), account?.Id.ToString(), account?.PatientId, "portal", c, userName: Email, userId: user?.Id), ct);
        Message = text["SignIn.Failed"];
        return Page();
    }

    /// <summary>The challenge for a passkey sign-in (JSON), for any passkey of this site.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => Content(await passkeys.RequestOptionsAsync(), "application/json");

    /// <summary>Sign-in with a passkey alone: a live portal account's sign-in gets in; anything else gets one answer.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var proof = string.IsNullOrEmpty(CredentialJson) || CredentialJson.Length > PasskeyCeremonies.MaxAnswerLength
            ? new PasskeyProof(null, PasskeyProofResult.Refused)
            : await passkeys.VerifyAsync(CredentialJson, [PortalAccess.Role]);
        var userId = proof.User?.Id ?? "";
        var account = await db.PortalAccounts.FirstOrDefaultAsync(a => a.UserId == userId && a.VoidedAt == null && a.AcceptedAt != null, ct);
        if (proof.Result != PasskeyProofResult.Accepted || account is null)
        {
            await audit.WriteAsync(AuditActions.LoginFailed, nameof(PortalAccount), account?.Id.ToString(), account?.PatientId, "portal passkey",
                ct, userName: proof.User?.UserName, userId: proof.User?.Id);
            PasskeyMessage = accountText[string.IsNullOrEmpty(CredentialJson) ? "Passkey.NoAnswer" : "Passkey.Failed"];
            return Page();
        }
        await passkeys.SignInAsync(proof.User!);
        account.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AccountAuditActions.PasskeyLogin, nameof(PortalAccount), account.Id.ToString(), account.PatientId, "portal",
            ct, userName: proof.User!.UserName, userId: proof.User.Id);
        if (SiteLanguages.Find(account.Language) is { } language) LocalizationSetup.RememberLanguage(Response, language);
        return LocalRedirect(LocalReturnUrl.IsSafe(ReturnUrl) && ReturnUrl!.StartsWith(Url.Page("/Portal/Home")!, StringComparison.Ordinal) ? ReturnUrl : Url.Page("/Portal/Home")!);
    }
}
