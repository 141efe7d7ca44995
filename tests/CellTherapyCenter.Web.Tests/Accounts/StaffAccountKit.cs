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

    /// <summary>Adds the software passkey on the account page of a signed-in client, as the page's script would.</summary>
    public static async Task<HttpResponseMessage> AddPasskeyAsync(HttpClient client, SoftPasskey passkey)
    {
        var token = await StaffSession.AntiforgeryTokenAsync(client, "/staff/account");
        var options = await PostAsync(client, "/staff/account?handler=PasskeyOptions", token, []);
        return await client.PostAsync("/staff/account?handler=AddPasskey", Form(token, new() { ["CredentialJson"] = passkey.Register(options, Origin) }));
    }

    /// <summary>Signs in with the software passkey from the sign-in page, as its "Use a passkey" button would.</summary>
    public static async Task<HttpResponseMessage> SignInWithPasskeyAsync(HttpClient client, SoftPasskey passkey, string? returnUrl = null)
    {
        var token = await StaffSession.AntiforgeryTokenAsync(client, "/staff/login");
        var options = await PostAsync(client, "/staff/login/passkey?handler=Options", token, []);
        var fields = new Dictionary<string, string> { ["CredentialJson"] = passkey.Assert(options, Origin) };
        if (returnUrl is not null) fields["ReturnUrl"] = returnUrl;
        return await client.PostAsync("/staff/login/passkey", Form(token, fields));
    }

    /// <summary>The origin the test clients speak from (<see cref="RegistryAppFactory.CreateBrowserClient"/>).</summary>
    public const string Origin = "https://localhost";

    private static async Task<string> PostAsync(HttpClient client, string url, string token, Dictionary<string, string> fields)
    {
        var response = await client.PostAsync(url, Form(token, fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static FormUrlEncodedContent Form(string token, Dictionary<string, string> fields) =>
        new(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });

    public static Task<bool> AuditedAsync(RegistryAppFactory app, string action, string userId) =>
        app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.EntityId == userId));
}
