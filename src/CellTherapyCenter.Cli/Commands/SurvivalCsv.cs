using System.Globalization;
using CellTherapyCenter.Web.CommandLine;

namespace CellTherapyCenter.Cli.Commands;

/// <summary>Time, event and (optionally) group columns from a CSV file with a header row, checked row by row.</summary>
public sealed record SurvivalCsv(double[] Time, bool[] Event, string[]? Group, double[,]? Covariates = null)
{
    public static SurvivalCsv Read(string path, string timeColumn, string eventColumn, string? groupColumn, IReadOnlyList<string>? covariateColumns = null)
    {
        covariateColumns ??= [];
        var table = CsvTable.Read(path, new[] { timeColumn, eventColumn, groupColumn }.OfType<string>().Concat(covariateColumns));
        var (timeAt, eventAt) = (table.IndexOf(timeColumn), table.IndexOf(eventColumn));
        var groupAt = groupColumn is null ? -1 : table.IndexOf(groupColumn);
        var covariateAt = covariateColumns.Select(table.IndexOf).ToArray();

        var time = new List<double>();
        var @event = new List<bool>();
        var group = new List<string>();
        var covariates = new List<double[]>();
        foreach (var (line, fields) in table.Rows)
        {
            var t = fields[timeAt];
            if (string.IsNullOrEmpty(t) || t == "NA") throw new CliException($"line {line}: the time is missing");
            if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || double.IsInfinity(value))
                throw new CliException($"line {line}: the time '{t}' is not a number");
            if (value < 0) throw new CliException($"line {line}: the time {t} is negative");
            time.Add(value);
            @event.Add(fields[eventAt].ToLowerInvariant() switch
            {
                "1" or "true" => true,
                "0" or "false" => false,
                var other => throw new CliException($"line {line}: the event '{other}' is not 0, 1, true or false"),
            });
            covariates.Add(covariateAt.Select((at, j) =>
            {
                var text = fields[at];
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                    ? v : throw new CliException($"line {line}: {covariateColumns[j]} '{text}' is not a number (rows with missing covariates must be removed first)");
            }).ToArray());
            if (groupColumn is not null)
            {
                var g = fields[groupAt];
                if (string.IsNullOrEmpty(g) || g == "NA") throw new CliException($"line {line}: the group is missing");
                group.Add(g);
            }
        }
        table.RequireRows();
        var matrix = new double[time.Count, covariateColumns.Count];
        for (var i = 0; i < time.Count; i++) for (var j = 0; j < covariateColumns.Count; j++) matrix[i, j] = covariates[i][j];
        return new SurvivalCsv(time.ToArray(), @event.ToArray(), groupColumn is null ? null : group.ToArray(), matrix);
    }
}
