using System.Net;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Accounts;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using static CellTherapyCenter.Web.Tests.Security.EnumerationTiming;

namespace CellTherapyCenter.Web.Tests.Accounts;

/// <summary>
/// Asking for a reset link tells nothing about whether an address has a staff account: the same
/// answer, the same database writes (one outbox row of the same size and one audit line), and the
/// same time, within 10 ms of median, for known and unknown addresses. Only a known one gets mail.
/// </summary>
[Collection(SignInTimingCollection.Name)]
public sealed class ForgotPasswordEnumerationTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private const int Tries = 50;

    [Theory, EveryDatabase]
    public async Task Known_and_unknown_addresses_get_the_same_answer_the_same_writes_and_the_same_time(DatabaseProvider database)
    {
        var app = apps[database];
        var staff = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            staff.Add($"reset-timing-{i}@test.local");
            await app.EnsureUserAsync(staff[^1], StaffRoles.Coordinator);
        }
        var client = app.CreateBrowserClient();
        var token = await StaffSession.AntiforgeryTokenAsync(client, "/staff/forgot-password");
        // Warm up (first-use compilation, connection pools) on addresses that are not counted.
        for (var i = 0; i < 3; i++) await PostAsync(client, token, $"warm-reset-{i}@test.local");

        var known = new List<double>();
        var unknown = new List<double>();
        Answer? expected = null;
        for (var i = 0; i < Tries; i++)
        {
            // Each known request runs at the same moment as an unknown one, so a busy moment of the shared
            // machine slows both alike; which of the two starts first alternates, so neither side always gets there first.
            var (k, u) = await PairAsync(i,
                () => PostAsync(client, token, staff[i % staff.Count]), () => PostAsync(client, token, $"nobody-reset-{i}@test.local"));
            known.Add(k.Ms);
            unknown.Add(u.Ms);
            expected ??= k.Answer;
            Assert.Equal(expected, k.Answer);
            Assert.Equal(expected, u.Answer);
        }
        Assert.Equal(HttpStatusCode.OK, expected!.Status);

        // The same writes: one outbox row and one audit line a request, the rows of the same size;
        // only a known address's row is to be sent.
        var rows = await app.WithDbAsync(db => db.OutboundEmails.Where(e => e.Kind == ForgotPasswordModel.EmailKind)
            .Select(e => new { e.ToAddress, e.TextBody.Length, e.FailedAt }).ToListAsync());
        var toStaff = rows.Where(r => staff.Contains(r.ToAddress)).ToList();
        var toNobody = rows.Where(r => r.ToAddress == ForgotPasswordModel.NoAccountAddress).ToList();
        Assert.Equal(Tries, toStaff.Count);
        Assert.Equal(Tries + 3, toNobody.Count);
        Assert.Equal(rows.Count, toStaff.Count + toNobody.Count);
        Assert.All(toStaff, r => Assert.Null(r.FailedAt));
        Assert.All(toNobody, r => Assert.NotNull(r.FailedAt));
        // The token in the link is base64, escaped in the address, so its length varies a little from
        // request to request on both paths alike, and the encrypted body grows by whole AES blocks (16
        // bytes, 21 or 22 characters as stored): every row, known or not, lies within two blocks of every other.
        var lengths = rows.Select(r => r.Length).ToList();
        Assert.True(lengths.Max() - lengths.Min() <= 44,
            $"stored bodies: known {string.Join(",", toStaff.Select(r => r.Length).Distinct().Order())}, unknown {string.Join(",", toNobody.Select(r => r.Length).Distinct().Order())}");
        var lines = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AccountAuditActions.PasswordResetRequested)
            .Select(a => new { a.UserName, a.Detail }).ToListAsync());
        Assert.Equal(Tries, lines.Count(l => staff.Contains(l.UserName!) && l.Detail == null));
        Assert.Equal(Tries + 3, lines.Count(l => l.Detail == ForgotPasswordModel.NoAccountDetail));

        var pairedGap = Median([.. known.Zip(unknown, (k, u) => k - u)]);
        var mediansGap = Median(known) - Median(unknown);
        var report = $"known {Median(known):F1} ms, unknown {Median(unknown):F1} ms; median of the paired differences {pairedGap:F1} ms, difference of the medians {mediansGap:F1} ms";
        Assert.True(Math.Abs(pairedGap) < 10, report);
        Assert.True(Math.Abs(mediansGap) < 10, report);
    }

    private static Task<(Answer Answer, double Ms)> PostAsync(HttpClient client, string token, string email) =>
        TimeAsync(() => client.PostAsync("/staff/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["__RequestVerificationToken"] = token,
        })), email);
}
