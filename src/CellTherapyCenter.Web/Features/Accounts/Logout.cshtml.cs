using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Accounts;

[AllowAnonymous]
[NoPatientData]
public sealed class LogoutModel(SignInManager<StaffUser> signIn, AuditLog audit, SessionStore sessions) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.WriteAsync(AuditActions.Logout, "StaffUser", null, null, null);
            // Ended on the server too: a copy of the cookie taken before this opens nothing.
            await sessions.RevokeCurrentAsync(HttpContext, HttpContext.RequestAborted);
            await signIn.SignOutAsync();
        }
        return RedirectToPage();
    }
}
