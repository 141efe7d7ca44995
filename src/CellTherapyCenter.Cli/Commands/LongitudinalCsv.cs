using System.Globalization;
using CellTherapyCenter.Web.CommandLine;

namespace CellTherapyCenter.Cli.Commands;

/// <summary>Subject, time and outcome columns of repeated measurements from a CSV file with a header row, checked row by row.</summary>
public sealed record LongitudinalCsv(string[] Subject, double[] Time, double[] Outcome)
{
    public static LongitudinalCsv Read(string path, string subjectColumn, string timeColumn, string outcomeColumn)
    {
        var table = CsvTable.Read(path, [subjectColumn, timeColumn, outcomeColumn]);
        var (subjectAt, timeAt, outcomeAt) = (table.IndexOf(subjectColumn), table.IndexOf(timeColumn), table.IndexOf(outcomeColumn));

        var subject = new List<string>();
        var time = new List<double>();
        var outcome = new List<double>();
        foreach (var (line, fields) in table.Rows)
        {
            var s = fields[subjectAt];
            if (string.IsNullOrEmpty(s) || s == "NA") throw new CliException($"line {line}: the subject ({subjectColumn}) is missing");
            subject.Add(s);
            time.Add(Number(fields[timeAt], timeColumn, line));
            outcome.Add(Number(fields[outcomeAt], outcomeColumn, line));
        }
        table.RequireRows();
        return new LongitudinalCsv(subject.ToArray(), time.ToArray(), outcome.ToArray());
    }

    /// <summary>A finite number; missing values are refused rather than dropped, so that no row disappears unseen.</summary>
    private static double Number(string text, string column, int line)
    {
        if (string.IsNullOrEmpty(text) || text == "NA") throw new CliException($"line {line}: {column} is missing (remove the row first)");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new CliException($"line {line}: {column} '{text}' is not a number");
    }
}
