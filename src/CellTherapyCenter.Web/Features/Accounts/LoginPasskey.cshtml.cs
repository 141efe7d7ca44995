using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Accounts;

/// <summary>
/// Sign-in with a passkey (a discoverable WebAuthn credential with user verification: two factors in
/// one). The sign-in page's passkey form asks <see cref="OnPostOptionsAsync"/> for a challenge, the
/// browser signs it (wwwroot/js/passkeys.js), and the form posts the signed answer here.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
[NoPatientData]
public sealed class LoginPasskeyModel(PasskeyCeremonies passkeys, AuditLog audit) : PageModel
{
    [BindProperty, TextLimit(FieldLengths.WebAuthnResponse)]
    public string? CredentialJson { get; set; }

    /// <summary>What the browser said when it could not make a passkey answer (shown, never stored).</summary>
    [BindProperty, TextLimit(FieldLengths.ShortNote)]
    public string? Error { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public void OnGet() => Message = "Start a passkey sign-in from the sign-in page.";

    /// <summary>The challenge for the browser (JSON), for any passkey of this site (no user named).</summary>
    public async Task<IActionResult> OnPostOptionsAsync() => Content(await passkeys.RequestOptionsAsync(), "application/json");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(CredentialJson) || CredentialJson.Length > PasskeyCeremonies.MaxAnswerLength)
        {
            Message = string.IsNullOrEmpty(Error)
                ? "Your browser did not send a passkey. Passkeys need JavaScript and a recent browser."
                : "The passkey sign-in did not work: " + Error[..Math.Min(Error.Length, 200)];
            return Page();
        }
        var proof = await passkeys.VerifyAsync(CredentialJson, StaffRoles.All);
        if (proof.Result == PasskeyProofResult.NotRecorded)
        {
            Message = "The passkey sign-in did not work. Try again.";
            return Page();
        }
        if (proof is not { Result: PasskeyProofResult.Accepted, User: { } user })
        {
            await audit.WriteAsync(Data.Auditing.AuditActions.LoginFailed, nameof(StaffUser), proof.User?.Id, null, "passkey", ct,
                userName: proof.User?.UserName, userId: proof.User?.Id);
            Message = "This passkey does not open a staff account here. Sign in with your password, or try another passkey.";
            return Page();
        }
        await passkeys.SignInAsync(user);
        await audit.WriteAsync(AccountAuditActions.PasskeyLogin, nameof(StaffUser), user.Id, null, null, ct, userName: user.UserName, userId: user.Id);
        return LocalRedirect(LocalReturnUrl.IsSafe(ReturnUrl) ? ReturnUrl! : Url.Page("/Accounts/StaffHome")!);
    }
}
