using System.Globalization;

namespace CellTherapyCenter.Statistics.Tests;

/// <summary>
/// Reads the CSV files that Reference/make-survival-references.R wrote with R (write.csv: a quoted
/// header, quoted strings, NA for missing, Inf for infinite).
/// </summary>
public sealed class ReferenceData
{
    private readonly string[] _header;
    private readonly List<string[]> _rows;

    private ReferenceData(string[] header, List<string[]> rows) { _header = header; _rows = rows; }

    public static ReferenceData Read(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", file));
        static string[] Split(string line) => line.Split(',').Select(c => c.Trim('"')).ToArray();
        return new ReferenceData(Split(lines[0]), lines.Skip(1).Where(l => l.Length > 0).Select(Split).ToList());
    }

    public int Count => _rows.Count;

    public IEnumerable<int> RowsWhere(string column, string value) =>
        Enumerable.Range(0, _rows.Count).Where(r => Text(r, column) == value);

    public string Text(int row, string column) => _rows[row][Array.IndexOf(_header, column)];

    public double Number(int row, string column) => Text(row, column) switch
    {
        "NA" => double.NaN,
        "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        var text => double.Parse(text, CultureInfo.InvariantCulture),
    };

    public double[] Numbers(string column, IEnumerable<int> rows) => rows.Select(r => Number(r, column)).ToArray();
}

public static class AssertR
{
    /// <summary>Agreement with R to 1e-6 relative (1e-9 absolute near zero); NA must be NA, Inf must be Inf.</summary>
    public static void Close(double expected, double actual, string what)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Assert.True(expected.Equals(actual), $"{what}: R gives {expected}, we give {actual}");
            return;
        }
        var tolerance = Math.Max(1e-6 * Math.Abs(expected), 1e-9);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: R gives {expected:R}, we give {actual:R}");
    }

    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Close(expected[i], actual[i], $"{what}[{i}]");
    }
}
