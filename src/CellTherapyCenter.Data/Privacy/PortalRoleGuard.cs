using CellTherapyCenter.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Data.Privacy;

/// <summary>
/// A portal sign-in (a patient's or caregiver's) never holds a staff role, and a staff sign-in never
/// the portal role, whoever adds the role: checked on every save that adds a user-role row, so no
/// page, command or future code path can mix them. The staff user page refuses it with a message first.
/// </summary>
public static class PortalRoleGuard
{
    /// <summary>The Identity role of portal sign-ins (the web app's <c>PortalAccess.Role</c>).</summary>
    public const string PortalRole = "PortalUser";

    internal static async Task CheckAsync(RegistryDbContext db, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<IdentityUserRole<string>>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0) return;
        foreach (var userId in added.Select(r => r.UserId).Distinct())
        {
            var roleIds = added.Where(r => r.UserId == userId).Select(r => r.RoleId).ToList();
            var stored = await db.UserRoles.Where(r => r.UserId == userId).Select(r => r.RoleId).ToListAsync(ct);
            var all = roleIds.Concat(stored).Distinct().ToList();
            var names = await db.Roles.Where(r => all.Contains(r.Id)).Select(r => r.Name).ToListAsync(ct);
            if (names.Contains(PortalRole) && names.Any(n => n is not null && StaffRoles.All.Contains(n)))
                throw new PortalRoleMixException();
        }
    }
}

/// <summary>A save would give one sign-in both the portal role and a staff role.</summary>
public sealed class PortalRoleMixException() : InvalidOperationException("A portal sign-in cannot hold a staff role, nor a staff sign-in the portal role.");
