using System.Globalization;
using CellTherapyCenter.Web.CommandLine;
using CsvHelper;
using CsvHelper.Configuration;

namespace CellTherapyCenter.Cli.Commands;

/// <summary>Time, event and (optionally) group columns from a CSV file with a header row, checked row by row.</summary>
public sealed record SurvivalCsv(double[] Time, bool[] Event, string[]? Group, double[,]? Covariates = null)
{
    public static SurvivalCsv Read(string path, string timeColumn, string eventColumn, string? groupColumn, IReadOnlyList<string>? covariateColumns = null)
    {
        covariateColumns ??= [];
        if (!File.Exists(path)) throw new CliException($"no such file: {path}");
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader()) throw new CliException($"{path} is empty: a header row is needed");
        var header = csv.HeaderRecord!;
        foreach (var column in new[] { timeColumn, eventColumn, groupColumn }.OfType<string>().Concat(covariateColumns))
            if (!header.Contains(column, StringComparer.Ordinal))
                throw new CliException($"{path} has no column '{column}' (columns: {string.Join(", ", header)})");

        var time = new List<double>();
        var @event = new List<bool>();
        var group = new List<string>();
        var covariates = new List<double[]>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var t = csv.GetField(timeColumn);
            if (string.IsNullOrEmpty(t) || t == "NA") throw new CliException($"line {line}: the time is missing");
            if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || double.IsInfinity(value))
                throw new CliException($"line {line}: the time '{t}' is not a number");
            if (value < 0) throw new CliException($"line {line}: the time {t} is negative");
            time.Add(value);
            @event.Add(csv.GetField(eventColumn)?.ToLowerInvariant() switch
            {
                "1" or "true" => true,
                "0" or "false" => false,
                var other => throw new CliException($"line {line}: the event '{other}' is not 0, 1, true or false"),
            });
            covariates.Add(covariateColumns.Select(c =>
            {
                var text = csv.GetField(c);
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                    ? v : throw new CliException($"line {line}: {c} '{text}' is not a number (rows with missing covariates must be removed first)");
            }).ToArray());
            if (groupColumn is not null)
            {
                var g = csv.GetField(groupColumn);
                if (string.IsNullOrEmpty(g) || g == "NA") throw new CliException($"line {line}: the group is missing");
                group.Add(g);
            }
        }
        if (time.Count == 0) throw new CliException($"{path} has no rows");
        var matrix = new double[time.Count, covariateColumns.Count];
        for (var i = 0; i < time.Count; i++) for (var j = 0; j < covariateColumns.Count; j++) matrix[i, j] = covariates[i][j];
        return new SurvivalCsv(time.ToArray(), @event.ToArray(), groupColumn is null ? null : group.ToArray(), matrix);
    }
}
