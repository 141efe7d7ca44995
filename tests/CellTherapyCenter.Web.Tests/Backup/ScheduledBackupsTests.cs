using CellTherapyCenter.Web.Features.Backup;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CellTherapyCenter.Web.Tests.Backup;

/// <summary>Scheduled backups: when they fall due, and that only the newest <c>Backup:Keep</c> stay.</summary>
public sealed class ScheduledBackupsTests(RegistryApps apps) : IClassFixture<RegistryApps>, IDisposable
{
    private readonly string _folder = ScratchDirectory.Create("ctc-scheduled-");

    [Theory]
    [InlineData("daily 02:30", "2026-12-07T01:00:00Z", null, "2026-12-07T02:30:00Z")]
    [InlineData("daily 02:30", "2026-12-07T02:30:00Z", null, "2026-12-08T02:30:00Z")]
    [InlineData("every 6 hours", "2026-12-07T01:00:00Z", null, "2026-12-07T07:00:00Z")]
    [InlineData("every 30m", "2026-12-07T01:00:00Z", "2026-12-07T00:50:00Z", "2026-12-07T01:20:00Z")]
    [InlineData("every 6h", "2026-12-07T09:00:00Z", "2026-12-07T01:00:00Z", "2026-12-07T09:00:00Z")]
    public void A_schedule_names_the_next_due_time(string schedule, string now, string? last, string due) =>
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            BackupSchedule.Parse(schedule).Next(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture),
                last is null ? null : DateTimeOffset.Parse(last, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("hourly")]
    [InlineData("daily 25:00")]
    [InlineData("every 1 minute")]
    [InlineData("every 0 hours")]
    [InlineData("every 3 days")]
    public void A_schedule_it_cannot_read_stops_the_app_with_the_forms_it_takes(string schedule) =>
        Assert.Contains("'daily HH:mm' (UTC) or 'every N minutes|hours'", Assert.Throws<InvalidOperationException>(() => BackupSchedule.Parse(schedule)).Message);

    [Theory, EveryDatabase]
    public async Task Each_run_writes_a_backup_and_only_the_newest_are_kept(DatabaseProvider database)
    {
        var app = apps[database];
        _ = app.Services; // the app made and migrated its database
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.ToString(),
            ["ConnectionStrings:Registry"] = app.ConnectionString,
            ["Backup:KeyFile"] = Path.Combine(_folder, "backup.key"),
            ["Backup:Folder"] = Path.Combine(_folder, "backups"),
            ["Backup:Keep"] = "2",
        }).Build();
        var clock = FakeClocks.AtRealNow();
        var backup = new RegistryBackup(settings, app.Services.GetRequiredService<IHostEnvironment>(), clock);
        using var scheduled = new ScheduledBackups(backup, BackupSchedule.Parse("every 1 hours"), settings, clock, NullLogger<ScheduledBackups>.Instance);

        var written = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            written.Add(Path.GetFileName(await scheduled.RunOnceAsync(CancellationToken.None)));
            clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(written.Skip(1), Directory.GetFiles(Path.Combine(_folder, "backups")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(written, name => Assert.Matches(@"^ctc-backup-\d{8}-\d{6}\.ctcbak$", name));
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
