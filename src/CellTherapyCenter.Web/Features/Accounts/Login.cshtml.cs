using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Accounts;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
[NoPatientData]
public sealed class LoginModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit, SignInAttempts attempts) : PageModel
{
    [TextLimit(FieldLengths.UserName)]
    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    [TextLimit(FieldLengths.Password)]
    [BindProperty, Required(ErrorMessage = "Enter your password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    /// <summary>One message for every failure, so it says nothing about whether the address has an account or is waiting.</summary>
    public const string FailedMessage = "The email or password is not right, or there were too many attempts: wait a few minutes and try again.";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Email);
        // Patients' and caregivers' sign-ins (portal role only) do not open the staff portal.
        var isStaff = await attempts.HasRoleAsync(user, StaffRoles.All, HttpContext.RequestAborted);
        // The same work and the same answer for unknown addresses, portal accounts and locked accounts (SignInAttempts).
        var check = attempts.Check(user, isStaff, Password);
        var result = check != SignInCheck.PasswordAccepted
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user!, Password, isPersistent: false, lockoutOnFailure: true);

        // An authenticator app is enrolled: the code is the next step (LoginTwoFactor).
        if (result.RequiresTwoFactor) return RedirectToPage("/Accounts/LoginTwoFactor", new { ReturnUrl });
        if (result.Succeeded)
        {
            // With a second factor required, an account whose factor is a passkey signs in with it, not with its password alone.
            if (HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<StaffSignInOptions>>().Value.RequireTwoFactor
                && (await users.GetPasskeysAsync(user!)).Count > 0)
            {
                await signIn.SignOutAsync();
                Message = "This account signs in with its passkey: use \"Use a passkey\" below.";
                return Page();
            }
            await audit.WriteAsync(AuditActions.Login, "StaffUser", user!.Id, null, null, userName: user.UserName, userId: user.Id);
            return LocalRedirect(LocalReturnUrl.IsSafe(ReturnUrl) ? ReturnUrl! : Url.Page("/Accounts/StaffHome")!);
        }

        // The audit line and the failure count SignInAttempts kept on the account, in one commit as for an unknown address.
        var action = check == SignInCheck.BackingOff || result.IsLockedOut ? AuditActions.Lockout : AuditActions.LoginFailed;
        await attempts.SaveFailureAsync(ct => audit.WriteAsync(action, "StaffUser", user?.Id, null, null, ct, userName: Email, userId: user?.Id),
            HttpContext.RequestAborted);
        Message = FailedMessage;
        return Page();
    }
}
