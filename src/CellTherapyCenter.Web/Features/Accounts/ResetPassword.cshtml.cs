using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Accounts;

/// <summary>The emailed link's page: a new password, once. A used or expired link is refused.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
[NoPatientData]
public sealed class ResetPasswordModel(UserManager<StaffUser> users, SessionStore sessions, AuditLog audit, CredentialNotices notices) : PageModel
{
    [BindProperty(SupportsGet = true), StringLength(100)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true), StringLength(2048)]
    public string? Token { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a new password."), DataType(DataType.Password), StringLength(512)]
    public string NewPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter the new password again."), DataType(DataType.Password), StringLength(512)]
    public string ConfirmPassword { get; set; } = "";

    public bool Done { get; private set; }
    public string? Message { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && NewPassword != ConfirmPassword)
            ModelState.AddFieldError(() => ConfirmPassword, "The two new passwords are not the same.");
        if (!ModelState.IsValid) return Page();

        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        if (user is null || string.IsNullOrEmpty(Token))
        {
            Message = ExpiredMessage;
            return Page();
        }
        var reset = await users.ResetPasswordAsync(user, Token, NewPassword);
        if (!reset.Succeeded)
        {
            if (reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) Message = ExpiredMessage;
            else foreach (var e in reset.Errors) ModelState.AddFieldError(() => NewPassword, e.Description);
            return Page();
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        // Whoever knew the old password is signed out everywhere at once.
        await sessions.RevokeAllAsync(user.Id, ct);
        notices.Enqueue(HttpContext, user, CredentialChange.PasswordReset);
        await audit.WriteAsync(AccountAuditActions.PasswordReset, nameof(StaffUser), user.Id, null, "emailed link", ct, userName: user.UserName, userId: user.Id);
        Done = true;
        return Page();
    }

    public const string ExpiredMessage = "This link has expired or was already used. Ask for a new one.";
}
