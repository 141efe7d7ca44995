using System.Security.Claims;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Portal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Portal;

/// <summary>
/// Who may use the portal: a signed-in user with the portal role whose account is live. Staff
/// roles do not open the portal and the portal role opens nothing else (the fallback policy asks
/// for a staff role). Which patient is shown comes from the account, never from the request, and
/// every id a portal request names is looked up within that patient.
/// </summary>
public static class PortalAccess
{
    /// <summary>The Identity role every portal account's sign-in has, and no staff member has.</summary>
    public const string Role = Data.Privacy.PortalRoleGuard.PortalRole;
    public const string Policy = "Portal";

    public static void Add(AuthorizationOptions o) =>
        o.AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireRole(Role));
}

/// <summary>The account of the current portal request, loaded once per request.</summary>
public sealed class PortalSession(RegistryDbContext db, IHttpContextAccessor http)
{
    private PortalAccount? _account;
    private bool _loaded;

    /// <summary>The signed-in user's live account, or null (revoked, never accepted, or not a portal user).</summary>
    public async Task<PortalAccount?> AccountAsync(CancellationToken ct)
    {
        if (_loaded) return _account;
        _loaded = true;
        var userId = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || http.HttpContext?.User.IsInRole(PortalAccess.Role) != true) return null;
        _account = await db.PortalAccounts.AsNoTracking()
            .FirstOrDefaultAsync(a => a.UserId == userId && a.VoidedAt == null && a.AcceptedAt != null, ct);
        return _account;
    }
}
