using System.Globalization;
using System.Text.Json;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CellTherapyCenter.Web.Tests.CommandLine.WebCommandRun;

namespace CellTherapyCenter.Web.Tests.FollowUp;

/// <summary><c>follow-up-pass</c> end to end on a seeded registry: one JSON line per pass, each further pass later on the calendar.</summary>
public sealed class FollowUpPassCommandTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task Prints_a_line_per_pass_and_queues_the_reminders_it_counts(DatabaseProvider database)
    {
        var app = apps[database];
        var seeded = await RunAsync(["seed-demo", "--patients", "30", .. DatabaseOf(app)]);
        Assert.True(seeded.Exit == 0, seeded.Err);

        var (exit, stdout, stderr) = await RunAsync(["follow-up-pass", "--repeat", "2", "--step-days", "14", .. DatabaseOf(app),
            "--FollowUp:QuietHoursStart", "00:00", "--FollowUp:QuietHoursEnd", "00:00", "--FollowUp:RemindSyntheticPatients", "true"]);

        Assert.True(exit == 0, stderr);
        var passes = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal([1, 2], passes.Select(p => p.GetProperty("pass").GetInt32()));
        var at = passes.Select(p => DateTime.ParseExact(p.GetProperty("at").GetString()!, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(at[1] - at[0], TimeSpan.FromDays(14), TimeSpan.FromDays(14) + TimeSpan.FromMinutes(10));
        var queued = passes.Sum(p => p.GetProperty("RemindersQueued").GetInt32());
        Assert.Equal(queued, await app.WithDbAsync(db => db.FollowUpReminders.CountAsync()));
    }
}
