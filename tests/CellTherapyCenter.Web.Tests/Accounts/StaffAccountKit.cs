using System.Net;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Accounts.TwoFactor;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Accounts;

/// <summary>Staff sign-in steps the account tests share: users of their own, authenticator codes, the second-factor setting.</summary>
internal static class StaffAccountKit
{
    /// <summary>A new staff user of the role with <see cref="RegistryAppFactory.TestPassword"/>; the address is unique to the call.</summary>
    public static async Task<string> NewStaffAsync(RegistryAppFactory app, string role = StaffRoles.Coordinator)
    {
        var email = $"staff-{Guid.NewGuid():N}@test.local";
        await app.EnsureUserAsync(email, role);
        return email;
    }

    public static async Task<StaffUser> UserAsync(RegistryAppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!;
    }

    /// <summary>The code an authenticator app would show for the key at the time step.</summary>
    public static string Code(string key, long step) => Totp.Code(Totp.FromBase32(key), step);

    public static long Now => Totp.TimeStep(DateTimeOffset.UtcNow);

    /// <summary>Enrols an authenticator app through the pages for a signed-in client; returns the key and the recovery codes shown.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAuthenticatorAsync(HttpClient client)
    {
        var page = StaffSession.Parse(await client.GetStringAsync("/staff/account/authenticator"));
        var key = page.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var response = await StaffSession.SubmitFormAsync(client, "/staff/account/authenticator", new Dictionary<string, string> { ["Code"] = Code(key, Now) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var codes = StaffSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll("ul.recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    /// <summary>The same app and database with <c>Security:RequireTwoFactor</c> on.</summary>
    public static WebApplicationFactory<Program> RequiringTwoFactor(RegistryAppFactory app) =>
        app.WithWebHostBuilder(b => b.UseSetting("Security:RequireTwoFactor", "true"));

    public static HttpClient BrowserClient(WebApplicationFactory<Program> app) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
    });

    public static Task<bool> AuditedAsync(RegistryAppFactory app, string action, string userId) =>
        app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.EntityId == userId));
}
