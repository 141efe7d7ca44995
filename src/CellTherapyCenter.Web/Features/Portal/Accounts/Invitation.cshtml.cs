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

namespace CellTherapyCenter.Web.Features.Portal.Accounts;

/// <summary>The emailed link: choose a password, and the portal opens. A used, expired or withdrawn link says so.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
[NoPatientData]
public sealed class InvitationModel(PortalInvitations invitations, SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [TextLimit(FieldLengths.Password, Translated = true)]
    [BindProperty, Required(ErrorMessage = "Invitation.PasswordRequired"), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [TextLimit(FieldLengths.Password, Translated = true)]
    [BindProperty, Required(ErrorMessage = "Invitation.ConfirmRequired"), DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";

    public PortalAccount? Invited { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Invited = await invitations.FindOpenAsync(Token, ct);
        if (Invited is not null && SiteLanguages.Find(Invited.Language) is { } language && Request.Query["culture"].Count == 0
            && !Request.Cookies.ContainsKey(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName))
        {
            // The first visit speaks the language staff chose for the invitation.
            LocalizationSetup.RememberLanguage(Response, language);
            return RedirectToPage("/Portal/Accounts/Invitation", new { token = Token, culture = language.Culture });
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Invited = await invitations.FindOpenAsync(Token, ct);
        if (Invited is null) return Page();
        if (!ModelState.IsValid) return Page();
        if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "Invitation.Mismatch");
            return Page();
        }
        IdentityResult result;
        try
        {
            result = await invitations.AcceptAsync(Invited, Password, ct);
        }
        catch (PortalInvitationException)
        {
            Errors.Add("Invitation.AddressTaken");
            return Page();
        }
        if (!result.Succeeded)
        {
            Errors.AddRange(PasswordRefusals.TextKeys(result.Errors));
            return Page();
        }
        var user = await users.FindByIdAsync(Invited.UserId!);
        await signIn.SignInAsync(user!, isPersistent: false);
        await audit.WriteAsync(AuditActions.Login, nameof(PortalAccount), Invited.Id.ToString(), Invited.PatientId, "portal invitation accepted",
            ct, userName: user!.UserName, userId: user.Id);
        return RedirectToPage("/Portal/Home");
    }
}
