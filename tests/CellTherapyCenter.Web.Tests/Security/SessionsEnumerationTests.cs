using System.Net;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Accounts;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using static CellTherapyCenter.Web.Tests.Security.EnumerationTiming;

namespace CellTherapyCenter.Web.Tests.Security;

/// <summary>
/// The sign-in pages say nothing about whether an address has an account: the same answer (status,
/// headers, body) and the same time for known and unknown addresses, and the same answer while an
/// account backs off. The back-off slows guessing and ends by itself.
/// </summary>
[Collection(SignInTimingCollection.Name)]
public sealed class SessionsEnumerationTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private const int Tries = 50;
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task Known_and_unknown_addresses_get_the_same_answer_in_the_same_time(DatabaseProvider database)
    {
        _app = apps[database];
        // Ten accounts of each kind take five wrong passwords each: every try is a counted failure,
        // the fifth one starting a back-off, the costliest path a known address has.
        var staff = new List<string>();
        var portal = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            staff.Add($"timing-{i}@test.local");
            await _app.EnsureUserAsync(staff[^1], StaffRoles.Coordinator);
            portal.Add((await PortalTestKit.PatientWithAccountAsync(_app)).Email);
        }
        var client = _app.CreateBrowserClient();
        var staffPage = new Page("/staff/login", await StaffSession.AntiforgeryTokenAsync(client, "/staff/login"));
        var portalPage = new Page("/portal/sign-in", await StaffSession.AntiforgeryTokenAsync(client, "/portal/sign-in"));

        // Warm up (first-use compilation, connection pools) on addresses that are not measured.
        for (var i = 0; i < 3; i++)
        {
            await PostAsync(client, staffPage, $"warm-{i}@test.local");
            await PostAsync(client, portalPage, $"warm-{i}@test.local");
        }

        var times = new Dictionary<string, List<double>> { ["staff known"] = [], ["staff unknown"] = [], ["portal known"] = [], ["portal unknown"] = [] };
        Answer? staffAnswer = null, portalAnswer = null;
        for (var i = 0; i < Tries; i++)
        {
            // Each known try runs at the same moment as an unknown one on the same page, so a busy
            // moment of the machine (the tests share two cores with other builds) slows both alike.
            foreach (var (page, known, unknown, kind) in new[]
            {
                (staffPage, staff[i % staff.Count], $"nobody-{i}@test.local", "staff"),
                (portalPage, portal[i % portal.Count], $"nobody-{i}@example.org", "portal"),
            })
            {
                // Which of the two starts first alternates, so neither side always gets there first.
                var (k, u) = await PairAsync(i, () => PostAsync(client, page, known), () => PostAsync(client, page, unknown));
                times[kind + " known"].Add(k.Ms);
                times[kind + " unknown"].Add(u.Ms);
                if (page == staffPage) staffAnswer ??= k.Answer;
                else portalAnswer ??= k.Answer;
                var expected = page == staffPage ? staffAnswer : portalAnswer;
                Assert.Equal(expected, k.Answer);
                Assert.Equal(expected, u.Answer);
            }
        }
        // A portal account on the staff page and a staff account on the portal's get the same answer too.
        Assert.Equal(staffAnswer, (await PostAsync(client, staffPage, portal[0])).Answer);
        Assert.Equal(portalAnswer, (await PostAsync(client, portalPage, staff[0])).Answer);
        Assert.Contains(LoginModel.FailedMessage, staffAnswer!.Body);

        // Each known try is compared with the unknown one run beside it: the median of the differences
        // is left with what the code does differently. The issue's own words ("within 10 ms median of
        // each other over 50 tries") ask for the two medians too: both are asserted.
        var staffGap = Median([.. times["staff known"].Zip(times["staff unknown"], (k, u) => k - u)]);
        var portalGap = Median([.. times["portal known"].Zip(times["portal unknown"], (k, u) => k - u)]);
        var staffMedians = Median(times["staff known"]) - Median(times["staff unknown"]);
        var portalMedians = Median(times["portal known"]) - Median(times["portal unknown"]);
        var report = string.Join(", ", times.Select(t => $"{t.Key} {Median(t.Value):F1} ms")) +
            $"; median known-unknown difference: staff {staffGap:F1} ms, portal {portalGap:F1} ms" +
            $"; difference of the medians: staff {staffMedians:F1} ms, portal {portalMedians:F1} ms";
        Assert.True(Math.Abs(staffGap) < 10 && Math.Abs(portalGap) < 10, report);
        Assert.True(Math.Abs(staffMedians) < 10 && Math.Abs(portalMedians) < 10, report);
        // Each known account was counted, and the unknown addresses left nothing but their audit lines.
        Assert.Equal(10, await _app.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.StartsWith("timing-") && u.LockoutEnd != null)));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.StartsWith("nobody-"))));
    }

    [Theory, EveryDatabase]
    public async Task Wrong_passwords_back_off_1_2_4_minutes_up_to_15_and_the_right_one_works_after_the_wait(DatabaseProvider database)
    {
        _app = apps[database];
        const string email = "backoff@test.local";
        await _app.EnsureUserAsync(email, StaffRoles.Coordinator);
        var clock = FakeClocks.AtRealNow();
        using var app = SessionsTests.WithClock(_app, clock);
        var client = SessionsTests.BrowserClient(app);
        var page = new Page("/staff/login", await StaffSession.AntiforgeryTokenAsync(client, "/staff/login"));
        var refused = (await PostAsync(client, page, email, "wrong-password-0")).Answer;
        for (var i = 1; i < 5; i++) Assert.Equal(refused, (await PostAsync(client, page, email, "wrong-password-" + i)).Answer);

        // Waiting: even the right password gets the answer a wrong one gets.
        Assert.Equal(refused, (await PostAsync(client, page, email, RegistryAppFactory.TestPassword)).Answer);
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Redirect, (await PostRawAsync(client, page, email, RegistryAppFactory.TestPassword)).StatusCode);

        // A success starts the count again; past the free tries each wrong password doubles the wait.
        client = SessionsTests.BrowserClient(app);
        page = new Page("/staff/login", await StaffSession.AntiforgeryTokenAsync(client, "/staff/login"));
        for (var i = 0; i < 5; i++) await PostAsync(client, page, email, "wrong-password-" + i);
        Assert.Equal(TimeSpan.FromMinutes(1), await WaitAsync(email, clock));
        foreach (var minutes in new[] { 2, 4, 8, 15, 15 })
        {
            clock.Advance(await WaitAsync(email, clock) + TimeSpan.FromSeconds(1));
            await PostAsync(client, page, email, "wrong-password");
            Assert.Equal(TimeSpan.FromMinutes(minutes), await WaitAsync(email, clock));
        }
        // Tries during the wait do not lengthen it; after it the right password works.
        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(refused, (await PostAsync(client, page, email, "wrong-password")).Answer);
        Assert.Equal(TimeSpan.FromMinutes(1), await WaitAsync(email, clock));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await PostRawAsync(client, page, email, RegistryAppFactory.TestPassword)).StatusCode);

        var actions = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserName == email).Select(a => a.Action).ToListAsync());
        Assert.Equal(15, actions.Count(a => a == AuditActions.LoginFailed));
        Assert.Equal(2, actions.Count(a => a == AuditActions.Lockout));
    }

    private async Task<TimeSpan> WaitAsync(string email, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock)
    {
        var end = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        return (end ?? clock.GetUtcNow()) - clock.GetUtcNow();
    }

    private sealed record Page(string Url, string Token);

    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, Page page, string email, string password) =>
        await client.PostAsync(page.Url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = page.Token,
        }));

    private static Task<(Answer Answer, double Ms)> PostAsync(HttpClient client, Page page, string email, string password = "Wrong-password-1234") =>
        TimeAsync(() => PostRawAsync(client, page, email, password), email);
}

/// <summary>
/// The sign-in timing runs alone, after the test classes that run in parallel: their requests in
/// this process would be the noise it measures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SignInTimingCollection
{
    public const string Name = "Sign-in timing, alone";
}
