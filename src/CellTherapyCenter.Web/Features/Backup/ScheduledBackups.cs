using System.Globalization;

namespace CellTherapyCenter.Web.Features.Backup;

/// <summary>
/// When scheduled backups run (<c>Backup:Schedule</c>): <c>daily HH:mm</c> (UTC) or
/// <c>every N minutes|hours</c> (also <c>every 6h</c>, <c>every 30m</c>).
/// </summary>
public sealed record BackupSchedule(TimeOnly? DailyAt, TimeSpan? Interval)
{
    public static BackupSchedule Parse(string text)
    {
        var words = text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is ["daily", var at] && TimeOnly.TryParseExact(at, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return new BackupSchedule(time, null);
        if (words.Length is 2 or 3 && words[0] == "every")
        {
            var (number, unit) = words.Length == 3 ? (words[1], words[2]) : (words[1][..^1], words[1][^1..]);
            if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                TimeSpan? interval = unit switch
                {
                    "m" or "minute" or "minutes" => TimeSpan.FromMinutes(n),
                    "h" or "hour" or "hours" => TimeSpan.FromHours(n),
                    _ => null,
                };
                if (interval is { } i && i >= TimeSpan.FromMinutes(5)) return new BackupSchedule(null, i);
            }
        }
        throw new InvalidOperationException(
            $"Backup:Schedule must be 'daily HH:mm' (UTC) or 'every N minutes|hours' (at least 5 minutes), not '{text}'.");
    }

    /// <summary>The first time after <paramref name="now"/> a backup is due, given when the last one ran (null: none yet in this process).</summary>
    public DateTimeOffset Next(DateTimeOffset now, DateTimeOffset? last)
    {
        if (Interval is { } interval) return last is { } l && l + interval > now ? l + interval : now + (last is null ? interval : TimeSpan.Zero);
        var today = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(DailyAt!.Value), TimeSpan.Zero);
        return today > now ? today : today.AddDays(1);
    }
}

/// <summary>
/// Writes a backup on <see cref="BackupSchedule"/> into <c>Backup:Folder</c> as
/// <c>ctc-backup-yyyyMMdd-HHmmss.ctcbak</c> and keeps the newest <c>Backup:Keep</c> (7) of them.
/// Off unless <c>Backup:Schedule</c> is set. A failure is logged (its reason only) and retried at
/// the next due time.
/// </summary>
public sealed class ScheduledBackups(RegistryBackup backup, BackupSchedule schedule, IConfiguration configuration, TimeProvider clock, ILogger<ScheduledBackups> log)
    : BackgroundService
{
    public const string FilePrefix = "ctc-backup-";
    public const string FileExtension = ".ctcbak";

    private string Folder => configuration["Backup:Folder"] ?? throw new InvalidOperationException("Backup:Schedule is set but Backup:Folder is not.");

    private int Keep => int.TryParse(configuration["Backup:Keep"], NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k > 0 ? k : 7;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? last = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var due = schedule.Next(now, last);
            await Task.Delay(due - now, clock, stoppingToken);
            last = clock.GetUtcNow();
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is BackupRefusedException or IOException or UnauthorizedAccessException or System.Data.Common.DbException)
            {
                log.LogError("Scheduled backup failed: {Reason}", e.Message);
            }
        }
    }

    /// <summary>One backup into the folder, then the oldest beyond <c>Backup:Keep</c> deleted.</summary>
    public async Task<string> RunOnceAsync(CancellationToken ct)
    {
        if (!Directory.Exists(Folder))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Folder);
            else Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var file = Path.Combine(Folder, FilePrefix + clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + FileExtension);
        var result = await backup.CreateAsync(file, ct);
        log.LogInformation("Backup written: {File}, {Tables} tables, {Bytes} bytes", result.File, result.Tables, result.Bytes);
        foreach (var old in Directory.EnumerateFiles(Folder, FilePrefix + "*" + FileExtension).Order(StringComparer.Ordinal).Reverse().Skip(Keep))
            File.Delete(old);
        return file;
    }
}
