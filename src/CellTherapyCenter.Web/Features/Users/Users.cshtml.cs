using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Users;

[Authorize(Policy = StaffPolicies.Administer)]
[NoPatientData]
public sealed class UsersModel(UserManager<StaffUser> users) : PageModel
{
    public sealed record Row(string Id, string Email, string DisplayName, IList<string> Roles, DateTimeOffset? LockedUntil, int FailedCount);
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = new List<Row>();
        foreach (var u in await users.Users.OrderBy(u => u.Email).ToListAsync(ct))
            rows.Add(new Row(u.Id, u.Email ?? "", u.DisplayName, await users.GetRolesAsync(u),
                u.LockoutEnd > DateTimeOffset.UtcNow ? u.LockoutEnd : null, u.AccessFailedCount));
        Rows = rows;
    }
}
