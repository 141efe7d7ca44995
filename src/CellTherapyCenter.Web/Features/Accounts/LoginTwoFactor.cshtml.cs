using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Accounts;

/// <summary>The second step of a password sign-in for staff with an authenticator app: the six-digit code.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
[NoPatientData]
public sealed class LoginTwoFactorModel(SignInManager<StaffUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the six-digit code from your authenticator app."), StringLength(20)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    /// <summary>False when no password sign-in is waiting for its second step (the page then says to start at sign-in).</summary>
    public bool UnderWay { get; private set; } = true;

    public async Task OnGetAsync() => UnderWay = await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            UnderWay = false;
            return Page();
        }
        if (!ModelState.IsValid) return Page();

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AccountAuditActions.TwoFactorLogin, nameof(StaffUser), user.Id, null, "authenticator app", ct, userName: user.UserName, userId: user.Id);
            return LocalRedirect(LocalReturnUrl.IsSafe(ReturnUrl) ? ReturnUrl! : Url.Page("/Accounts/StaffHome")!);
        }
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.Lockout, nameof(StaffUser), user.Id, null, "authenticator code", ct, userName: user.UserName, userId: user.Id);
            Message = "This account is locked after repeated failed sign-ins. Try again later or ask an administrator.";
            return Page();
        }
        await audit.WriteAsync(AccountAuditActions.TwoFactorFailed, nameof(StaffUser), user.Id, null, "authenticator code", ct, userName: user.UserName, userId: user.Id);
        ModelState.AddFieldError(() => Code, "This code is not right or was already used. Wait for the next code in your app and enter it.");
        return Page();
    }
}
