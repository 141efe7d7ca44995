using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Cli.Commands;

/// <summary><c>stats km</c>: Kaplan-Meier curves, overall or by group, as R's survfit.</summary>
public static class KaplanMeierCommand
{
    public static async Task RunAsync(CommandOptions options, TextWriter output)
    {
        options.AllowOnly("csv", "time", "event", "group", "conf-type");
        var type = options.Optional("conf-type") switch
        {
            null or "log" => ConfidenceType.Log,
            "log-log" => ConfidenceType.LogLog,
            var other => throw new CliException($"--conf-type must be log or log-log, not '{other}'", isUsage: true),
        };
        var data = SurvivalCsv.Read(options.Required("csv"), options.Required("time"), options.Required("event"), options.Optional("group"));
        var subsets = data.Group is null
            ? [(Label: (string?)null, Rows: Enumerable.Range(0, data.Time.Length).ToArray())]
            : Json.InROrder(data.Group).Select(g => (Label: (string?)g, Rows: Enumerable.Range(0, data.Time.Length).Where(i => data.Group[i] == g).ToArray())).ToList();

        await output.WriteAsync(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("groups");
            foreach (var (label, rows) in subsets)
            {
                var fit = KaplanMeier.Fit(rows.Select(i => data.Time[i]).ToArray(), rows.Select(i => data.Event[i]).ToArray(), type);
                w.WriteStartObject();
                if (label is null) w.WriteNull("group"); else w.WriteString("group", label);
                w.WriteNumber("n", fit.N);
                w.WriteNumber("events", fit.Events);
                w.Number("median", fit.Median);
                w.Number("medianLower", fit.MedianLower);
                w.Number("medianUpper", fit.MedianUpper);
                w.Numbers("time", fit.Time);
                w.Numbers("nRisk", fit.NRisk.Select(n => (double)n));
                w.Numbers("nEvent", fit.NEvent.Select(n => (double)n));
                w.Numbers("nCensor", fit.NCensor.Select(n => (double)n));
                w.Numbers("survival", fit.Survival);
                w.Numbers("stdErr", fit.StdErr);
                w.Numbers("lower", fit.Lower);
                w.Numbers("upper", fit.Upper);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }
}
