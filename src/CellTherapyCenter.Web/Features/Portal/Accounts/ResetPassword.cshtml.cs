using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Portal.Accounts;

/// <summary>
/// The emailed reset link's page: a new password, once, within 30 minutes; then the portal opens.
/// A used, expired or unknown link says so and offers a new one.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
[NoPatientData]
public sealed class ResetPasswordModel(PortalPasswordResets resets, SignInManager<StaffUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true), TextLimit(100)]
    public string? Token { get; set; }

    [TextLimit(FieldLengths.Password, Translated = true)]
    [BindProperty, Required(ErrorMessage = "Invitation.PasswordRequired"), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [TextLimit(FieldLengths.Password, Translated = true)]
    [BindProperty, Required(ErrorMessage = "Invitation.ConfirmRequired"), DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";

    public PortalAccount? Account { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Account = await resets.FindOpenAsync(Token, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Account = await resets.FindOpenAsync(Token, ct);
        if (Account is null || !ModelState.IsValid) return Page();
        if (Password != ConfirmPassword)
        {
            ModelState.AddFieldError(() => ConfirmPassword, "Invitation.Mismatch");
            return Page();
        }
        var (user, result) = await resets.CompleteAsync(Account, Password, ct);
        if (user is null)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) Account = null;
            else
            {
                Errors.AddRange(PasswordRefusals.TextKeys(result.Errors));
            }
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        await audit.WriteAsync(AuditActions.Login, nameof(PortalAccount), Account.Id.ToString(), Account.PatientId, "portal password reset",
            ct, userName: user.UserName, userId: user.Id);
        return RedirectToPage("/Portal/Home");
    }
}
