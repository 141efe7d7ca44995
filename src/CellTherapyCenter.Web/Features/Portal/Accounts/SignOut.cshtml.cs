using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Portal.Accounts;

[AllowAnonymous]
[NoPatientData]
public sealed class SignOutModel(SignInManager<StaffUser> signIn, AuditLog audit, SessionStore sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Portal/Home");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
            await audit.WriteAsync(AuditActions.Logout, nameof(PortalAccount), null, null, "portal", ct);
        // Ended on the server too: a copy of the cookie taken before this opens nothing.
        await sessions.RevokeCurrentAsync(HttpContext, ct);
        await signIn.SignOutAsync();
        return RedirectToPage("/Portal/Accounts/SignIn");
    }
}
