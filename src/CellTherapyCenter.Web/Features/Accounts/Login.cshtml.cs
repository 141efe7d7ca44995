using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Accounts;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
[NoPatientData]
public sealed class LoginModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit) : PageModel
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

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Email);
        // Patients' and caregivers' sign-ins (portal role only) do not open the staff portal.
        var isStaff = user is not null && (await users.GetRolesAsync(user)).Any(StaffRoles.All.Contains);
        var result = !isStaff
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user!, Password, isPersistent: false, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.Login, "StaffUser", user!.Id, null, null, userName: user.UserName, userId: user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Url.Page("/Accounts/StaffHome")!);
        }

        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.Lockout, "StaffUser", user?.Id, null, null, userName: Email, userId: user?.Id);
            Message = "This account is locked after repeated failed sign-ins. Try again in 15 minutes or ask an administrator.";
        }
        else
        {
            await audit.WriteAsync(AuditActions.LoginFailed, "StaffUser", user?.Id, null, null, userName: Email, userId: user?.Id);
            Message = "The email or password is not right.";
        }
        return Page();
    }
}
