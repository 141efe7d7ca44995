using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Localization;
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
/// member's sign-in is refused here with the same message as a wrong password, and vice versa.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
[NoPatientData]
public sealed class SignInModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, RegistryDbContext db,
    AuditLog audit, TimeProvider clock, IStringLocalizer<PortalText> text) : PageModel
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

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        var account = user is null ? null : await db.PortalAccounts
            .FirstOrDefaultAsync(a => a.UserId == user.Id && a.VoidedAt == null && a.AcceptedAt != null, ct);
        var result = account is null || !await users.IsInRoleAsync(user!, PortalAccess.Role)
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user!, Password, isPersistent: false, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            account!.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            await audit.WriteAsync(AuditActions.Login, nameof(PortalAccount), account.Id.ToString(), account.PatientId, "portal",
                ct, userName: user!.UserName, userId: user.Id);
            if (SiteLanguages.Find(account.Language) is { } language) LocalizationSetup.RememberLanguage(Response, language);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith(Url.Page("/Portal/Home")!, StringComparison.Ordinal) ? ReturnUrl : Url.Page("/Portal/Home")!);
        }
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.Lockout, nameof(PortalAccount), account?.Id.ToString(), account?.PatientId, "portal",
                ct, userName: Email, userId: user?.Id);
            Message = text["SignIn.LockedOut"];
        }
        else
        {
            await audit.WriteAsync(AuditActions.LoginFailed, nameof(PortalAccount), account?.Id.ToString(), account?.PatientId, "portal",
                ct, userName: Email, userId: user?.Id);
            Message = text["SignIn.Failed"];
        }
        return Page();
    }
}
