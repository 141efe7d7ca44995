using System.Net;
using System.Text.RegularExpressions;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Features.Portal.Accounts;
using CellTherapyCenter.Web.Tests.Email;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Portal;

/// <summary>
/// The portal's password reset end to end: the emailed link arrives (at an SMTP sink) in the
/// account's language, opens a form, the new password signs in, the link works once and for 30
/// minutes (on a fake clock), only the token's hash is stored, and an unknown address gets the
/// same answer and the same kinds of rows, none of them sent.
/// </summary>
public sealed partial class PortalPasswordResetTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private const string NewPassword = "Квітень у горах 2026";

    [GeneratedRegex(@"https?://\S+/portal/reset-password\?\S+")]
    private static partial Regex ResetLink();

    [Theory, EveryDatabase]
    public async Task The_emailed_link_sets_a_new_password_once_and_an_unknown_address_gets_the_same_answer(DatabaseProvider database)
    {
        var registry = apps[database];
        var (_, accountId, email) = await PortalTestKit.PatientWithAccountAsync(registry);
        await registry.WithDbAsync(db => db.PortalAccounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Language, "uk")));
        var clock = FakeClocks.AtRealNow();
        using var app = SessionsTests.WithClock(registry, clock);
        await using var kit = new EmailTestKit(registry);
        var before = await registry.WithDbAsync(db => db.PortalPasswordResets.CountAsync());

        var unknown = await StaffSession.SubmitFormAsync(SessionsTests.BrowserClient(app), "/portal/forgot-password?culture=en",
            new Dictionary<string, string> { ["Email"] = $"nobody-{Guid.NewGuid():N}@example.org" });
        var known = await StaffSession.SubmitFormAsync(SessionsTests.BrowserClient(app), "/portal/forgot-password?culture=en",
            new Dictionary<string, string> { ["Email"] = email });
        var answer = Answer(await unknown.Content.ReadAsStringAsync());
        Assert.Contains("the link is on its way", answer);
        Assert.Equal(answer, Answer(await known.Content.ReadAsStringAsync()));
        // The same writes on both paths: a reset row, an outbox row and an audit line each; only the known one is sent.
        Assert.Equal(before + 2, await registry.WithDbAsync(db => db.PortalPasswordResets.CountAsync()));
        var rows = await registry.WithDbAsync(db => db.OutboundEmails.Where(e => e.Kind == PortalPasswordResets.EmailKind)
            .Where(e => e.ToAddress == email || e.ToAddress == PortalPasswordResets.NoAccountAddress).OrderBy(e => e.CreatedAt)
            .Select(e => new { e.ToAddress, e.FailedAt }).ToListAsync());
        Assert.Contains(rows, r => r.ToAddress == PortalPasswordResets.NoAccountAddress && r.FailedAt != null);
        Assert.Single(rows, r => r.ToAddress == email && r.FailedAt == null);

        // The email reaches the sink in the account's language (Ukrainian), with the link.
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Dispatcher().ProcessDueAsync(default);
        var mail = Assert.Single(kit.Sink.Received, m => m.Recipients.Contains(email) && ResetLink().IsMatch(m.Message.TextBody ?? ""));
        var body = mail.Message.TextBody ?? "";
        Assert.Contains("Добрий день", body);
        var link = new Uri(ResetLink().Match(body).Value);
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;
        // Only the token's hash is stored.
        var hashes = await registry.WithDbAsync(db => db.PortalPasswordResets.Where(r => r.PortalAccountId == accountId).Select(r => r.TokenHash).ToListAsync());
        Assert.Equal([PortalInvitations.Hash(token)], hashes);

        var person = SessionsTests.BrowserClient(app);
        clock.Advance(TimeSpan.FromMinutes(29));
        var reset = await StaffSession.SubmitFormAsync(person, link.PathAndQuery, new Dictionary<string, string> { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/portal", reset.Headers.Location?.OriginalString);
        var signIn = await StaffSession.SubmitFormAsync(SessionsTests.BrowserClient(app), "/portal/sign-in",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = NewPassword });
        Assert.Equal("/portal", signIn.Headers.Location?.OriginalString);
        Assert.True(await registry.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AccountAuditActions.PasswordReset && a.EntityId == accountId.ToString())));

        // The link works once.
        var again = await SessionsTests.BrowserClient(app).GetStringAsync(link.PathAndQuery);
        Assert.Contains("Це посилання вже не діє", again);
        Assert.DoesNotContain("name=\"Password\"", again);
    }

    [Theory, EveryDatabase]
    public async Task A_link_expires_after_30_minutes(DatabaseProvider database)
    {
        var registry = apps[database];
        var (_, _, email) = await PortalTestKit.PatientWithAccountAsync(registry);
        var clock = FakeClocks.AtRealNow();
        using var app = SessionsTests.WithClock(registry, clock);
        await using var kit = new EmailTestKit(registry);
        await StaffSession.SubmitFormAsync(SessionsTests.BrowserClient(app), "/portal/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Dispatcher().ProcessDueAsync(default);
        var link = new Uri(ResetLink().Match(Assert.Single(kit.Sink.Received, m => m.Recipients.Contains(email) && ResetLink().IsMatch(m.Message.TextBody ?? "")).Message.TextBody ?? "").Value);

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Contains("name=\"Password\"", await SessionsTests.BrowserClient(app).GetStringAsync(link.PathAndQuery));
        clock.Advance(TimeSpan.FromMinutes(2));
        var late = await SessionsTests.BrowserClient(app).GetStringAsync(link.PathAndQuery);
        Assert.Contains("This link has expired or was already used.", late);
        Assert.DoesNotContain("name=\"Password\"", late);
        Assert.Equal(HttpStatusCode.OK, (await StaffSession.SubmitFormAsync(SessionsTests.BrowserClient(app), "/portal/sign-in",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = NewPassword })).StatusCode);
    }

    private static string Answer(string html) => StaffSession.Parse(html).QuerySelector("main [role=status]")?.TextContent ?? html;
}
