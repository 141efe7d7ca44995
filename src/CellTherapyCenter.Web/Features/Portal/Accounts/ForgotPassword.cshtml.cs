using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Portal.Accounts;

/// <summary>
/// Asks for a link to choose a new portal password. The answer is the same for every address, and
/// so is the work behind it (<see cref="PortalPasswordResets.RequestAsync"/>).
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
[NoPatientData]
public sealed class ForgotPasswordModel(PortalPasswordResets resets) : PageModel
{
    [TextLimit(FieldLengths.UserName, Translated = true)]
    [BindProperty, Required(ErrorMessage = "SignIn.EmailRequired"), EmailAddress(ErrorMessage = "SignIn.EmailInvalid")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        await resets.RequestAsync(Email, (token, culture) =>
            Url.Page("/Portal/Accounts/ResetPassword", null, new { token, culture }, Request.Scheme)!, ct);
        // The same answer for every address: whether an account exists is not told.
        Sent = true;
        return Page();
    }
}
