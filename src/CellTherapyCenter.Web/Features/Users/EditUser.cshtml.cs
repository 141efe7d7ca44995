using System.Text.Json;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Privacy;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Users;

/// <summary>Changes a staff user's roles (audited with old and new) or lifts a lockout.</summary>
[Authorize(Policy = StaffPolicies.Administer)]
[NoPatientData]
public sealed class EditUserModel(UserManager<StaffUser> users, AuditLog audit) : PageModel
{
    public StaffUser StaffUser { get; private set; } = null!;
    public IList<string> CurrentRoles { get; private set; } = [];
    [BindProperty] public List<string> Roles { get; set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        StaffUser = user;
        CurrentRoles = await users.GetRolesAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        StaffUser = user;
        var old = await users.GetRolesAsync(user);
        var wanted = Roles.Where(StaffRoles.All.Contains).Distinct().ToList();
        if (old.Contains(StaffRoles.Administrator) && !wanted.Contains(StaffRoles.Administrator)
            && (await users.GetUsersInRoleAsync(StaffRoles.Administrator)).Count <= 1)
        {
            CurrentRoles = old;
            Message = "This is the last administrator: give another user the Administrator role first.";
            return Page();
        }
        // A patient's or caregiver's portal sign-in never gets a staff role (the context refuses it too: PortalRoleGuard).
        if (wanted.Count > 0 && old.Contains(PortalRoleGuard.PortalRole))
        {
            CurrentRoles = old;
            Message = "This is a patient portal sign-in: it cannot be given a staff role. Staff need a sign-in of their own.";
            return Page();
        }
        await users.RemoveFromRolesAsync(user, old.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(old));
        // A changed role takes effect within a minute (security-stamp check interval), not when the cookie expires.
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(AuditActions.RoleChange, nameof(StaffUser), user.Id, null,
            JsonSerializer.Serialize(new { user.Email, old = old.Order(), @new = wanted.Order() }), ct);
        return RedirectToPage("/Users/Users");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync("unlock", nameof(StaffUser), user.Id, null, JsonSerializer.Serialize(new { user.Email }), ct);
        return RedirectToPage("/Users/Users");
    }
}
