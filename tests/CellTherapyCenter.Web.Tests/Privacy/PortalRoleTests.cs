using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Privacy;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Privacy;

/// <summary>
/// A portal sign-in can never hold a staff role: the staff user page refuses it with a message,
/// and the registry refuses the role row whoever adds it (UserManager called directly), as it
/// refuses the portal role on a staff sign-in.
/// </summary>
public sealed class PortalRoleTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task A_portal_login_cannot_be_given_a_staff_role(DatabaseProvider database)
    {
        var app = apps[database];
        var (_, _, email) = await PortalTestKit.PatientWithAccountAsync(app);
        var userId = await UserIdAsync(app, email);

        var admin = await app.SignedInClientAsync(StaffRoles.Administrator);
        var refused = await StaffSession.SubmitFormAsync(admin, $"/staff/users/{userId}",
            new Dictionary<string, string> { ["Roles"] = StaffRoles.Physician });
        Assert.Contains("cannot be given a staff role", await refused.Content.ReadAsStringAsync());
        Assert.Equal([PortalAccess.Role], await RolesAsync(app, email));

        // Past the page: UserManager itself, as any other code would call it.
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await Assert.ThrowsAsync<PortalRoleMixException>(() => users.AddToRoleAsync(user, StaffRoles.Administrator));
        }
        Assert.Equal([PortalAccess.Role], await RolesAsync(app, email));

        // Nor does a staff sign-in get the portal role.
        var staffEmail = await app.StaffEmailAsync(StaffRoles.Coordinator);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var staff = (await users.FindByEmailAsync(staffEmail))!;
            await Assert.ThrowsAsync<PortalRoleMixException>(() => users.AddToRoleAsync(staff, PortalAccess.Role));
        }
        Assert.Equal([StaffRoles.Coordinator], await RolesAsync(app, staffEmail));
    }

    private static async Task<string> UserIdAsync(RegistryAppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!.Id;
    }

    private static async Task<List<string>> RolesAsync(RegistryAppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return (await users.GetRolesAsync((await users.FindByEmailAsync(email))!)).Order().ToList();
    }
}
