using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Cli.Commands;

/// <summary><c>stats logrank</c>: the log-rank test between groups, as R's survdiff.</summary>
public static class LogRankCommand
{
    public static async Task RunAsync(CommandOptions options, TextWriter output)
    {
        options.AllowOnly("csv", "time", "event", "group");
        var data = SurvivalCsv.Read(options.Required("csv"), options.Required("time"), options.Required("event"), options.Required("group"));
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
