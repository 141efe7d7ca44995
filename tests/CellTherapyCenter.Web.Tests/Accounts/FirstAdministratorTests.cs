using System.Net;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Accounts;

/// <summary>
/// The administrator made on an empty database: a password the app generated (and printed) must be
/// replaced at first sign-in, like any password someone else chose; one set in Admin:Password stays.
/// </summary>
public sealed class FirstAdministratorTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task A_generated_administrator_password_must_be_replaced_at_first_sign_in(DatabaseProvider database)
    {
        using RegistryAppFactory registry = database == DatabaseProvider.Sqlite ? new SqliteApp() : new PostgreSqlApp();
        // No Admin:Password, as on a first `dotnet run`: the app generates one and prints it once.
        using var app = registry.WithWebHostBuilder(b => b.UseSetting("Admin:Password", ""));
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var admin = (await users.FindByEmailAsync(RegistryAppFactory.AdminEmail))!;
            Assert.True(admin.MustChangePassword);
            Assert.NotNull(admin.PasswordHash);
            // The printed password went to the console only: the test gives the account one it knows, as if typed from there.
            Assert.True((await users.RemovePasswordAsync(admin)).Succeeded);
            Assert.True((await users.AddPasswordAsync(admin, "Printed-once-4471")).Succeeded);
        }

        var client = StaffAccountKit.BrowserClient(app);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(client, RegistryAppFactory.AdminEmail, "Printed-once-4471")).StatusCode);
        var held = await client.GetAsync("/staff/users");
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.Equal("/staff/account/password", held.Headers.Location!.OriginalString);

        var changed = await StaffSession.SubmitFormAsync(client, "/staff/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Printed-once-4471", ["NewPassword"] = "Mine from now on 65", ["ConfirmPassword"] = "Mine from now on 65",
        });
        Assert.True(changed.StatusCode == HttpStatusCode.Redirect, StaffSession.Parse(await changed.Content.ReadAsStringAsync()).QuerySelector("main")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/users")).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task An_administrator_password_set_in_configuration_is_kept(DatabaseProvider database)
    {
        // The fixture's apps set Admin:Password, as deployments do.
        var app = apps[database];
        Assert.False((await StaffAccountKit.UserAsync(app, RegistryAppFactory.AdminEmail)).MustChangePassword);
        var client = await app.SignedInClientAsync(StaffRoles.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/users")).StatusCode);
    }
}
