using System.Globalization;
using CellTherapyCenter.Web.CommandLine;
using CsvHelper;
using CsvHelper.Configuration;

namespace CellTherapyCenter.Cli.Commands;

/// <summary>Subject, time and outcome columns of repeated measurements from a CSV file with a header row, checked row by row.</summary>
public sealed record LongitudinalCsv(string[] Subject, double[] Time, double[] Outcome)
{
    public static LongitudinalCsv Read(string path, string subjectColumn, string timeColumn, string outcomeColumn)
    {
        if (!File.Exists(path)) throw new CliException($"no such file: {path}");
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader()) throw new CliException($"{path} is empty: a header row is needed");
        var header = csv.HeaderRecord!;
        foreach (var column in new[] { subjectColumn, timeColumn, outcomeColumn })
            if (!header.Contains(column, StringComparer.Ordinal))
                throw new CliException($"{path} has no column '{column}' (columns: {string.Join(", ", header)})");

        var subject = new List<string>();
        var time = new List<double>();
        var outcome = new List<double>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var s = csv.GetField(subjectColumn);
            if (string.IsNullOrEmpty(s) || s == "NA") throw new CliException($"line {line}: the subject ({subjectColumn}) is missing");
            subject.Add(s);
            time.Add(Number(csv, timeColumn, line));
            outcome.Add(Number(csv, outcomeColumn, line));
        }
        if (subject.Count == 0) throw new CliException($"{path} has no rows");
        return new LongitudinalCsv(subject.ToArray(), time.ToArray(), outcome.ToArray());
    }

    /// <summary>A finite number; missing values are refused rather than dropped, so that no row disappears unseen.</summary>
    private static double Number(CsvReader csv, string column, long line)
    {
        var text = csv.GetField(column);
        if (string.IsNullOrEmpty(text) || text == "NA") throw new CliException($"line {line}: {column} is missing (remove the row first)");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new CliException($"line {line}: {column} '{text}' is not a number");
    }
}
