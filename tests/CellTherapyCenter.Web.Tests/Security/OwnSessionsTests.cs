using System.Net;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Security;

/// <summary>
/// ASVS 4.0.3 V3.3.4: staff and portal users see their open sessions (browser and system, this
/// device marked) and end one or all the others after typing their password again. A session ended
/// from another client is refused at its next request; a wrong password ends nothing; another user's
/// session cannot be named (404, nothing changes); each ending and each refusal is an audit line.
/// </summary>
public sealed class OwnSessionsTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private const string ChromeOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private const string FirefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string SafariOnIphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task A_staff_member_ends_another_session_with_the_password_and_it_is_refused_at_once(DatabaseProvider database)
    {
        _app = apps[database];
        var email = await UserAsync("own-one");
        var here = await SignedInStaffAsync(email, ChromeOnWindows);
        var there = await SignedInStaffAsync(email, FirefoxOnLinux);
        var userId = await UserIdAsync(email);
        // Neither a revoked session nor one past its lifetime is listed.
        await _app.WithDbAsync(async db =>
        {
            db.Set<SignInSession>().Add(new SignInSession { Id = Guid.NewGuid(), UserId = userId, CreatedAt = DateTime.UtcNow.AddMinutes(-5), LastSeenAt = DateTime.UtcNow, RevokedAt = DateTime.UtcNow, Browser = "Opera", Platform = "Android" });
            db.Set<SignInSession>().Add(new SignInSession { Id = Guid.NewGuid(), UserId = userId, CreatedAt = DateTime.UtcNow.AddHours(-13), LastSeenAt = DateTime.UtcNow, Browser = "Edge", Platform = "macOS" });
            return await db.SaveChangesAsync();
        });

        var list = await here.GetStringAsync("/staff/account/sessions");
        Assert.Contains("Chrome on Windows", list);
        Assert.Contains("Firefox on Linux", list);
        Assert.DoesNotContain("Opera", list);
        Assert.DoesNotContain("Edge", list);
        Assert.Single(StaffSession.Parse(list).QuerySelectorAll("main .badge"), b => b.TextContent == "This device");
        var thereId = await SessionIdAsync(userId, "Firefox");
        Assert.Contains($"end={thereId}", list);

        // A wrong password ends nothing, says so beside the field and is audited.
        var url = $"/staff/account/sessions?end={thereId}";
        var wrong = await StaffSession.SubmitFormAsync(here, url, new Dictionary<string, string> { ["End"] = thereId.ToString(), ["Password"] = "Not-the-password-1" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That is not your password. Nothing was signed out.", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await there.GetAsync("/staff/patients")).StatusCode);
        Assert.True(await AuditedAsync(OwnSessions.RefusedAction, thereId));

        var ended = await StaffSession.SubmitFormAsync(here, url, new Dictionary<string, string> { ["End"] = thereId.ToString(), ["Password"] = RegistryAppFactory.TestPassword });
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var refused = await there.GetAsync("/staff/patients");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/staff/login", refused.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/staff/patients")).StatusCode);
        Assert.True(await AuditedAsync(OwnSessions.EndedAction, thereId));
        // The wrong password counted, and the right one started the count again.
        Assert.Equal(0, await _app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.AccessFailedCount).SingleAsync()));
        Assert.DoesNotContain("Firefox on Linux", await here.GetStringAsync("/staff/account/sessions"));
    }

    [Theory, EveryDatabase]
    public async Task Signing_out_all_other_sessions_ends_each_of_them_and_keeps_this_one(DatabaseProvider database)
    {
        _app = apps[database];
        var email = await UserAsync("own-others");
        var here = await SignedInStaffAsync(email, ChromeOnWindows);
        var second = await SignedInStaffAsync(email, FirefoxOnLinux);
        var third = await SignedInStaffAsync(email, SafariOnIphone);
        var other = await SignedInStaffAsync(await UserAsync("own-bystander"), FirefoxOnLinux);

        var ended = await StaffSession.SubmitFormAsync(here, "/staff/account/sessions?end=others",
            new Dictionary<string, string> { ["End"] = "others", ["Password"] = RegistryAppFactory.TestPassword });
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("2 sessions were signed out.", await here.GetStringAsync("/staff/account/sessions"));
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/staff/patients")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await third.GetAsync("/staff/patients")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/staff/patients")).StatusCode);
        // Another user's session is not among "all other sessions".
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/staff/patients")).StatusCode);
        var userId = await UserIdAsync(email);
        Assert.Equal(2, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == OwnSessions.EndedAction && a.UserId == userId)));
    }

    [Theory, EveryDatabase]
    public async Task Another_users_session_cannot_be_named_and_nothing_changes(DatabaseProvider database)
    {
        _app = apps[database];
        var mallory = await SignedInStaffAsync(await UserAsync("own-mallory"), ChromeOnWindows);
        var aliceEmail = await UserAsync("own-alice");
        var alice = await SignedInStaffAsync(aliceEmail, FirefoxOnLinux);
        var aliceSession = await SessionIdAsync(await UserIdAsync(aliceEmail), "Firefox");

        Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync($"/staff/account/sessions?end={aliceSession}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync("/staff/account/sessions?end=not-a-session")).StatusCode);
        var token = await StaffSession.AntiforgeryTokenAsync(mallory, "/staff/account");
        var posted = await mallory.PostAsync("/staff/account/sessions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["End"] = aliceSession.ToString(), ["Password"] = RegistryAppFactory.TestPassword, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/staff/patients")).StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Set<SignInSession>().AnyAsync(s => s.Id == aliceSession && s.RevokedAt != null)));
        Assert.False(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == aliceSession.ToString())));
    }

    [Theory, EveryDatabase]
    public async Task A_portal_user_ends_a_session_on_another_device_with_the_password_and_not_another_accounts(DatabaseProvider database)
    {
        _app = apps[database];
        var (_, _, email) = await PortalTestKit.PatientWithAccountAsync(_app);
        var here = await SignedInPortalAsync(email, SafariOnIphone);
        var there = await SignedInPortalAsync(email, ChromeOnWindows);
        var (_, _, strangerEmail) = await PortalTestKit.PatientWithAccountAsync(_app);
        var stranger = await SignedInPortalAsync(strangerEmail, FirefoxOnLinux);

        Assert.Contains("/portal/settings/sessions", await here.GetStringAsync("/portal/settings"));
        var list = await here.GetStringAsync("/portal/settings/sessions");
        Assert.Contains("Safari on iOS", list);
        Assert.Contains("Chrome on Windows", list);
        Assert.Contains("This device", list);
        var ukrainian = await here.GetStringAsync("/portal/settings/sessions?culture=uk");
        Assert.Contains("Chrome на Windows", ukrainian);

        var thereId = await SessionIdAsync(await UserIdAsync(email), "Chrome");
        var strangerId = await SessionIdAsync(await UserIdAsync(strangerEmail), "Firefox");
        Assert.Equal(HttpStatusCode.NotFound, (await here.GetAsync($"/portal/settings/sessions?end={strangerId}")).StatusCode);
        var token = await StaffSession.AntiforgeryTokenAsync(here, "/portal/settings");
        var posted = await here.PostAsync("/portal/settings/sessions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["End"] = strangerId.ToString(), ["Password"] = RegistryAppFactory.TestPassword, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/portal")).StatusCode);

        var url = $"/portal/settings/sessions?end={thereId}";
        var wrong = await StaffSession.SubmitFormAsync(here, url, new Dictionary<string, string> { ["End"] = thereId.ToString(), ["Password"] = "Not-the-password-1" });
        Assert.Contains("That password is not right. Nothing was signed out.", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await there.GetAsync("/portal")).StatusCode);

        var ended = await StaffSession.SubmitFormAsync(here, url, new Dictionary<string, string> { ["End"] = thereId.ToString(), ["Password"] = RegistryAppFactory.TestPassword });
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var refused = await there.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/portal/sign-in", refused.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/portal")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/portal")).StatusCode);
        Assert.True(await AuditedAsync(OwnSessions.EndedAction, thereId));
    }

    [Theory]
    [InlineData(ChromeOnWindows, "Chrome", "Windows")]
    [InlineData(FirefoxOnLinux, "Firefox", "Linux")]
    [InlineData(SafariOnIphone, "Safari", "iOS")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86", "Edge", "macOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", "Samsung Internet", "Android")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", "Chrome", "Linux")]
    [InlineData("curl/8.5.0", null, null)]
    [InlineData("<script>alert(1)</script> Windows", null, "Windows")]
    [InlineData("", null, null)]
    public void The_device_is_named_from_a_fixed_list_never_from_what_the_client_sent(string userAgent, string? browser, string? platform)
    {
        Assert.Equal(browser, DeviceNames.Browser(userAgent));
        Assert.Equal(platform, DeviceNames.Platform(userAgent));
    }

    private async Task<string> UserAsync(string name)
    {
        var email = $"{name}@test.local";
        await _app.EnsureUserAsync(email, StaffRoles.Coordinator);
        return email;
    }

    private Task<string> UserIdAsync(string email) => _app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<Guid> SessionIdAsync(string userId, string browser) => _app.WithDbAsync(db =>
        db.Set<SignInSession>().Where(s => s.UserId == userId && s.Browser == browser && s.RevokedAt == null).Select(s => s.Id).SingleAsync());

    private Task<bool> AuditedAsync(string action, Guid sessionId) =>
        _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.EntityType == nameof(SignInSession) && a.EntityId == sessionId.ToString()));

    private async Task<HttpClient> SignedInStaffAsync(string email, string userAgent)
    {
        var client = _app.CreateBrowserClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword)).StatusCode);
        return client;
    }

    private async Task<HttpClient> SignedInPortalAsync(string email, string userAgent)
    {
        var client = _app.CreateBrowserClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        Assert.Equal(HttpStatusCode.Redirect, (await SessionsTests.PortalSignInAsync(client, email)).StatusCode);
        return client;
    }
}
