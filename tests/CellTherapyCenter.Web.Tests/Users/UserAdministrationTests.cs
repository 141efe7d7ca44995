using System.Net;
using System.Text.Json;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Users;

public sealed class UserAdministrationTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = _app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!.Id;
    }

    [Theory, EveryDatabase]
    public async Task An_administrator_adds_a_user_who_can_then_sign_in_with_that_role(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var response = await StaffSession.SubmitFormAsync(admin, "/staff/users/new", new Dictionary<string, string>
        {
            ["Email"] = "new.physician@test.local", ["DisplayName"] = "Dr New", ["Role"] = StaffRoles.Physician, ["Password"] = "Brand-new-password-1",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var client = _app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(client, "new.physician@test.local", "Brand-new-password-1")).StatusCode);
        // The administrator chose the password: the first sign-in replaces it (Accounts/PasswordTests).
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, "/staff/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Brand-new-password-1", ["NewPassword"] = "Own-password-of-mine-2", ["ConfirmPassword"] = "Own-password-of-mine-2",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/patients")).StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.UserCreated && a.Detail!.Contains("new.physician@test.local"))));
    }

    [Theory, EveryDatabase]
    public async Task A_weak_password_is_refused_beside_the_field(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var response = await StaffSession.SubmitFormAsync(admin, "/staff/users/new", new Dictionary<string, string>
        {
            ["Email"] = "weak@test.local", ["DisplayName"] = "Weak", ["Role"] = StaffRoles.Coordinator, ["Password"] = "short",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = StaffSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("at least 12", html.QuerySelector("[data-valmsg-for='Password']")?.TextContent);
    }

    [Theory, EveryDatabase]
    public async Task A_role_change_is_audited_with_old_and_new_roles_and_shows_in_the_audit_search(DatabaseProvider database)
    {
        _app = apps[database];
        await _app.EnsureUserAsync("promote@test.local", StaffRoles.Coordinator);
        var id = await UserIdAsync("promote@test.local");
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var response = await StaffSession.SubmitFormAsync(admin, $"/staff/users/{id}", new Dictionary<string, string> { ["Roles"] = StaffRoles.Physician });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var line = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.RoleChange && a.EntityId == id));
        var detail = JsonDocument.Parse(line.Detail!).RootElement;
        Assert.Equal([StaffRoles.Coordinator], detail.GetProperty("old").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([StaffRoles.Physician], detail.GetProperty("new").EnumerateArray().Select(e => e.GetString()));

        var search = StaffSession.Parse(await admin.GetStringAsync($"/staff/audit?action={AuditActions.RoleChange}"));
        var actions = search.QuerySelectorAll("main > table > tbody > tr").Select(r => r.Children[2].TextContent).ToList();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Equal(AuditActions.RoleChange, a));
        Assert.Contains(id, search.QuerySelector("main > table > tbody")!.TextContent);
    }

    [Theory, EveryDatabase]
    public async Task The_last_administrator_keeps_the_role(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await UserIdAsync(RegistryAppFactory.AdminEmail);
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var response = await StaffSession.SubmitFormAsync(admin, $"/staff/users/{id}", new Dictionary<string, string> { ["Roles"] = StaffRoles.Physician });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("last administrator", await response.Content.ReadAsStringAsync());
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByIdAsync(id))!, StaffRoles.Administrator));
    }
}
