using System.CommandLine;
using CellTherapyCenter.Statistics.Survival;
using CellTherapyCenter.Web.CommandLine;

namespace CellTherapyCenter.Cli.Commands;

/// <summary><c>stats logrank</c>: the log-rank test between groups, as R's survdiff.</summary>
public static class LogRankCommand
{
    public static Command Create()
    {
        var csv = CsvOptions.File();
        var time = CsvOptions.Time();
        var @event = CsvOptions.Event();
        var group = CsvOptions.Column("--group", "the column of groups to compare (at least two)");
        var command = new Command("logrank", "The log-rank test between groups, as R's survdiff.") { csv, time, @event, group };
        command.SetAction(parsed => RunAsync(parsed.GetRequiredValue(csv), parsed.GetRequiredValue(time), parsed.GetRequiredValue(@event),
            parsed.GetRequiredValue(group), parsed.InvocationConfiguration.Output));
        return command;
    }

    private static async Task RunAsync(string csv, string time, string @event, string group, TextWriter output)
    {
        var data = SurvivalCsv.Read(csv, time, @event, group);
        if (data.Group!.Distinct().Count() < 2) throw new CliException("the log-rank test needs at least two groups");
        var result = LogRankTest.Compute(data.Time, data.Event, data.Group!);
        await output.WriteAsync(Json.Write(w =>
        {
            w.WriteStartObject();
            w.Number("chisq", result.ChiSquare);
            w.WriteNumber("df", result.DegreesOfFreedom);
            w.Number("p", result.P);
            foreach (var (name, values) in new[] { ("observed", result.Observed), ("expected", result.Expected) })
            {
                w.WriteStartObject(name);
                foreach (var g in Json.InROrder(values.Keys)) w.Number(g, values[g]);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }));
    }
}
