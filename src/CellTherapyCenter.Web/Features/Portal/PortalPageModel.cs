using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Portal;

/// <summary>
/// Base of every signed-in portal page: loads the live account before any handler runs, and ends
/// the session of a sign-in whose account was withdrawn. Pages read only <see cref="Account"/>'s
/// patient; every id in a route is looked up within it, so another patient's id finds nothing (404).
/// </summary>
[Authorize(Policy = PortalAccess.Policy)]
[ReadsPatientData("Portal")]
public abstract class PortalPageModel(PortalSession session, PatientReadAudit audit) : PageModel
{
    public PortalAccount Account { get; private set; } = null!;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var account = await session.AccountAsync(HttpContext.RequestAborted);
        if (account is null)
        {
            await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            context.Result = RedirectToPage("/Portal/Accounts/SignIn");
            return;
        }
        Account = account;
        await next();
    }

    /// <summary>Names what this page showed of the patient's record, for its read audit line.</summary>
    protected void AuditRead(string what, string? entityId = null) => audit.Read(Account.PatientId, entityId, what);
}
