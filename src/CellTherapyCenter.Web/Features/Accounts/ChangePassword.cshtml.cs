using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Accounts;

/// <summary>
/// A staff member changes their password (current password and the new one twice). Also the page a
/// person with an administrator-chosen password is held on until they have chosen their own.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[NoPatientData]
public sealed class ChangePasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, SessionStore sessions, AuditLog audit,
    CredentialNotices notices) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your current password."), DataType(DataType.Password), StringLength(512)]
    public string CurrentPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter a new password."), DataType(DataType.Password), StringLength(512)]
    public string NewPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter the new password again."), DataType(DataType.Password), StringLength(512)]
    public string ConfirmPassword { get; set; } = "";

    public bool MustChange { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        MustChange = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        MustChange = user.MustChangePassword;
        if (ModelState.IsValid && NewPassword != ConfirmPassword)
            ModelState.AddFieldError(() => ConfirmPassword, "The two new passwords are not the same.");
        if (ModelState.IsValid && NewPassword == CurrentPassword)
            ModelState.AddFieldError(() => NewPassword, "Choose a password different from the current one.");
        if (!ModelState.IsValid) return Page();

        var changed = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (!changed.Succeeded)
        {
            foreach (var e in changed.Errors)
            {
                if (e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) ModelState.AddFieldError(() => CurrentPassword, "The current password is not right.");
                else ModelState.AddFieldError(() => NewPassword, e.Description);
            }
            return Page();
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        // Other sessions end now, not at the security stamp's next check; this one is renewed.
        if (await SessionStore.CurrentIdAsync(HttpContext) is { } current) await sessions.RevokeAllExceptAsync(user.Id, current, ct);
        else await sessions.RevokeAllAsync(user.Id, ct);
        await signIn.RefreshSignInAsync(user);
        notices.Enqueue(HttpContext, user, CredentialChange.PasswordChanged);
        await audit.WriteAsync(AccountAuditActions.PasswordChanged, nameof(StaffUser), user.Id, null, null, ct);
        SavedBanner.Show(TempData, "Your password was changed. Other sessions of your account are signed out.");
        return RedirectToPage("/Accounts/Security");
    }
}
