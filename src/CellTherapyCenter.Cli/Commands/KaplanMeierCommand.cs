using System.CommandLine;
using CellTherapyCenter.Statistics.Survival;
using CellTherapyCenter.Web.CommandLine;

namespace CellTherapyCenter.Cli.Commands;

/// <summary><c>stats km</c>: Kaplan-Meier curves, overall or by group, as R's survfit.</summary>
public static class KaplanMeierCommand
{
    public static Command Create()
    {
        var csv = CsvOptions.File();
        var time = CsvOptions.Time();
        var @event = CsvOptions.Event();
        var group = CsvOptions.Column("--group", "the column of groups: one curve each (default: one curve for all)", required: false);
        var confType = CommandOption.OneOf("--conf-type", "the pointwise 95% limits on the log or the log-log scale (default: log)", "log", "log-log");
        var command = new Command("km",
            "Kaplan-Meier curves, overall or by group, as R's survfit: \"stdErr\" is the standard error of the cumulative " +
            "hazard (summary(survfit)$std.err / surv), \"lower\"/\"upper\" the pointwise 95% limits, and the median with " +
            "its limits as quantile(survfit, 0.5); null where R gives NA.")
        {
            csv, time, @event, group, confType,
        };
        command.SetAction(parsed => RunAsync(parsed.GetRequiredValue(csv), parsed.GetRequiredValue(time), parsed.GetRequiredValue(@event),
            parsed.GetValue(group), parsed.GetValue(confType) == "log-log" ? ConfidenceType.LogLog : ConfidenceType.Log, parsed.InvocationConfiguration.Output));
        return command;
    }

    private static async Task RunAsync(string csv, string time, string @event, string? group, ConfidenceType type, TextWriter output)
    {
        var data = SurvivalCsv.Read(csv, time, @event, group);
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
