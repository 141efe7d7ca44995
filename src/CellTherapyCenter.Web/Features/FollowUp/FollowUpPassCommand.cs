using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CellTherapyCenter.Web.CommandLine;

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
public static class FollowUpPassCommand
{
    public static Command Create()
    {
        var repeat = CommandOption.WholeNumber("--repeat", "N", "how many passes to run, one after the other", defaultValue: 1);
        var stepDays = CommandOption.WholeNumber("--step-days", "D", "run each further pass D days later on the calendar (for the benchmark)", defaultValue: 0, allowNegative: true);
        // Each line reports a pass already committed: printed as it ends, not held back until the last.
        var command = new StreamingCommand("follow-up-pass",
            "Runs the reminder scheduler's pass now (complete what visits and self-reports cover, raise decline alerts, " +
            "queue due reminders) and prints one JSON line per pass with its timing. " + CommandHost.ArgumentsHelp)
        {
            repeat, stepDays,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parsed, _) =>
        {
            var builder = CommandHost.CreateBuilder(CommandHost.Arguments(parsed));
            var clock = new OffsetClock();
            builder.Services.AddSingleton<TimeProvider>(clock);
            await using var app = builder.Build();
            await RunPassesAsync(app.Services.GetRequiredService<FollowUpScheduler>(), clock, parsed.GetValue(repeat) ?? 1, parsed.GetValue(stepDays) ?? 0, parsed.InvocationConfiguration.Output);
        });
        return command;
    }

    private static async Task RunPassesAsync(FollowUpScheduler scheduler, OffsetClock clock, int repeat, int stepDays, TextWriter output)
    {
        for (var n = 1; n <= repeat; n++)
        {
            clock.Offset = TimeSpan.FromDays(stepDays * (n - 1));
            var watch = Stopwatch.StartNew();
            var pass = await scheduler.RunPassAsync(CancellationToken.None);
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                pass = n, at = clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), elapsedMs = watch.ElapsedMilliseconds, pass.Completed, pass.RemindersQueued, pass.Alerts, pass.QuietHours,
                completeMs = (long)pass.Completing.TotalMilliseconds, alertsMs = (long)pass.Alerting.TotalMilliseconds, queueMs = (long)pass.Queuing.TotalMilliseconds,
                processMs = (long)(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds,
            }));
        }
    }
}

/// <summary>The system clock moved on by <see cref="Offset"/>.</summary>
internal sealed class OffsetClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
