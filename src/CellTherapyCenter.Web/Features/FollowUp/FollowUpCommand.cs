using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CellTherapyCenter.Web.Infrastructure;

namespace CellTherapyCenter.Web.Features.FollowUp;

/// <summary>
/// `follow-up-pass [--repeat N] [--step-days D]`: runs the reminder scheduler's pass N times
/// (default 1) against the configured database in this process, with the app's own services and
/// configuration, and prints one JSON line per pass (elapsed milliseconds, counts, the
/// milliseconds of each step: completing, alerts, queuing, and the milliseconds since the process
/// started, host start-up included). With
/// <c>--step-days</c> each further pass runs D days later on the calendar (a clock offset, for
/// the benchmark: warm passes that each find a new day's due items, as a server would). For
/// bench/follow-up-scheduler.sh and for operators who want a pass now instead of at the next poll.
/// </summary>
public static class FollowUpCommand
{
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "follow-up-pass") return null;
        var repeat = 1;
        var stepDays = 0;
        var hostArgs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--repeat" && i + 1 < args.Length) repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--step-days" && i + 1 < args.Length) stepDays = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else hostArgs.Add(args[i]);
        }
        var builder = WebApplication.CreateBuilder(hostArgs.ToArray());
        builder.AddCellTherapyCenter();
        var clock = new OffsetClock();
        builder.Services.AddSingleton<TimeProvider>(clock);
        // Built, not started: no hosted service (the dispatcher, the scheduler's own loop) runs here.
        await using var app = builder.Build();
        var scheduler = app.Services.GetRequiredService<FollowUpScheduler>();
        for (var n = 1; n <= repeat; n++)
        {
            clock.Offset = TimeSpan.FromDays(stepDays * (n - 1));
            var watch = Stopwatch.StartNew();
            var pass = await scheduler.RunPassAsync(CancellationToken.None);
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                pass = n, at = clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), elapsedMs = watch.ElapsedMilliseconds, pass.Completed, pass.RemindersQueued, pass.Alerts, pass.QuietHours,
                completeMs = (long)pass.Completing.TotalMilliseconds, alertsMs = (long)pass.Alerting.TotalMilliseconds, queueMs = (long)pass.Queuing.TotalMilliseconds,
                processMs = (long)(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds,
            }));
        }
        return 0;
    }
}

/// <summary>The system clock moved on by <see cref="Offset"/>.</summary>
internal sealed class OffsetClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
