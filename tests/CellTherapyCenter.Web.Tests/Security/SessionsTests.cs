using System.Net;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CellTherapyCenter.Web.Tests.Security;

/// <summary>
/// Sessions end on the server: sign-out, a password change (RevokeAllAsync), the idle timeouts and
/// the absolute lifetime refuse a cookie wherever a copy of it is. Times move on a fake clock.
/// </summary>
public sealed class SessionsTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task A_staff_cookie_copied_before_sign_out_is_refused_after_it(DatabaseProvider database)
    {
        _app = apps[database];
        var email = await UserAsync("signout");
        var client = _app.CreateBrowserClient();
        var cookie = SessionCookie(await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(_app, "/staff/patients", cookie)).StatusCode);

        var signedOut = await StaffSession.SubmitFormAsync(client, "/staff/patients", new Dictionary<string, string>(), "form[action='/staff/logout']");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var replayed = await GetWithCookieAsync(_app, "/staff/patients", cookie);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/staff/login", replayed.Headers.Location!.PathAndQuery);
        var userId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.True(await _app.WithDbAsync(db => db.Set<SignInSession>().AnyAsync(s => s.UserId == userId && s.RevokedAt != null)));
    }

    [Theory, EveryDatabase]
    public async Task A_portal_cookie_copied_before_sign_out_is_refused_after_it(DatabaseProvider database)
    {
        _app = apps[database];
        var (_, _, email) = await PortalTestKit.PatientWithAccountAsync(_app);
        var client = _app.CreateBrowserClient();
        var cookie = SessionCookie(await PortalSignInAsync(client, email));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(_app, "/portal", cookie)).StatusCode);

        var signedOut = await StaffSession.SubmitFormAsync(client, "/portal", new Dictionary<string, string>(), "form[action='/portal/sign-out']");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var replayed = await GetWithCookieAsync(_app, "/portal", cookie);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/portal/sign-in", replayed.Headers.Location!.OriginalString);
    }

    [Theory, EveryDatabase]
    public async Task Revoking_all_of_a_users_sessions_ends_each_of_them(DatabaseProvider database)
    {
        _app = apps[database];
        var email = await UserAsync("revokeall");
        var first = _app.CreateBrowserClient();
        var second = _app.CreateBrowserClient();
        await StaffSession.SignInAsync(first, email, RegistryAppFactory.TestPassword);
        await StaffSession.SignInAsync(second, email, RegistryAppFactory.TestPassword);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/staff/patients")).StatusCode);

        using (var scope = _app.Services.CreateScope())
        {
            var userId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<SessionStore>().RevokeAllAsync(userId));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/staff/patients")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/staff/patients")).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task A_staff_session_ends_after_30_idle_minutes_and_not_while_in_use(DatabaseProvider database)
    {
        _app = apps[database];
        var email = await UserAsync("idle");
        var clock = FakeClocks.AtRealNow();
        using var app = WithClock(_app, clock);
        var client = BrowserClient(app);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword)).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/patients")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/patients")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));
        var idle = await client.GetAsync("/staff/patients");
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("/staff/login", idle.Headers.Location!.PathAndQuery);
    }

    [Theory, EveryDatabase]
    public async Task A_portal_session_ends_after_60_idle_minutes(DatabaseProvider database)
    {
        _app = apps[database];
        var (_, _, email) = await PortalTestKit.PatientWithAccountAsync(_app);
        var clock = FakeClocks.AtRealNow();
        using var app = WithClock(_app, clock);
        var client = BrowserClient(app);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalSignInAsync(client, email)).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/portal")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(61));
        var idle = await client.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("/portal/sign-in", idle.Headers.Location!.OriginalString);
    }

    [Theory, EveryDatabase]
    public async Task A_session_in_constant_use_still_ends_12_hours_after_sign_in(DatabaseProvider database)
    {
        _app = apps[database];
        var email = await UserAsync("absolute");
        var clock = FakeClocks.AtRealNow();
        using var app = WithClock(_app, clock);
        var client = BrowserClient(app);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword)).StatusCode);

        // A request every 20 minutes renews nothing past the lifetime.
        for (var minutes = 20; minutes < 12 * 60; minutes += 20)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/patients")).StatusCode);
        }
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff/patients")).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task The_server_refuses_a_session_past_its_lifetime_even_while_the_cookie_is_fresh(DatabaseProvider database)
    {
        _app = apps[database];
        var email = await UserAsync("row-lifetime");
        var client = _app.CreateBrowserClient();
        await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/patients")).StatusCode);

        // The cookie's own expiry is 12 hours away; only the session row says the sign-in is old.
        await _app.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var created = DateTime.UtcNow.AddHours(-12).AddMinutes(-1);
            return await db.Set<SignInSession>().Where(s => s.UserId == userId).ExecuteUpdateAsync(u => u.SetProperty(s => s.CreatedAt, created));
        });
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff/patients")).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Over_https_the_sign_in_cookie_is_a_host_cookie_and_over_loopback_http_it_keeps_its_name(DatabaseProvider database)
    {
        _app = apps[database];
        var email = await UserAsync("hostcookie");
        var https = await StaffSession.SignInAsync(_app.CreateBrowserClient(), email, RegistryAppFactory.TestPassword);
        var cookie = https.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-ctc.staff=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie);
        Assert.Contains("; path=/;", cookie + ";");
        Assert.DoesNotContain("domain=", cookie);

        var http = await StaffSession.SignInAsync(_app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") }),
            email, RegistryAppFactory.TestPassword);
        Assert.Contains(http.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ctc.staff=", StringComparison.Ordinal));
        Assert.DoesNotContain(http.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-", StringComparison.Ordinal));
    }

    private async Task<string> UserAsync(string name)
    {
        var email = $"{name}@test.local";
        await _app.EnsureUserAsync(email, StaffRoles.Coordinator);
        return email;
    }

    internal static Task<HttpResponseMessage> PortalSignInAsync(HttpClient client, string email, string? password = null) =>
        StaffSession.SubmitFormAsync(client, "/portal/sign-in",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = password ?? RegistryAppFactory.TestPassword });

    /// <summary>The sign-in cookie a response set, as a browser would send it back ("name=value").</summary>
    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("__Host-ctc.staff=", StringComparison.Ordinal));

    /// <summary>A GET carrying only the given cookie, as someone who copied it would send it.</summary>
    private static async Task<HttpResponseMessage> GetWithCookieAsync(RegistryAppFactory app, string path, string cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    internal static WebApplicationFactory<Program> WithClock(RegistryAppFactory app, FakeTimeProvider clock) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

    internal static HttpClient BrowserClient(WebApplicationFactory<Program> app) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    });
}
