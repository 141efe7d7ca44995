using System.Globalization;
using System.Text.Json;
using static CellTherapyCenter.Cli.Tests.CliRun;

namespace CellTherapyCenter.Cli.Tests;

/// <summary><c>stats lmm</c> end to end: the JSON against lme4's stored fit, and every error on stderr with nothing on stdout.</summary>
public sealed class LmmCommandTests : IDisposable
{
    private readonly TemporaryCsvFiles _files = new();

    private static Task<(int Exit, string Out, string Err)> Lmm(params string[] args) => RunAsync(["stats", "lmm", .. args]);

    private static double R(string file, string column)
    {
        var lines = File.ReadAllLines(Reference(file));
        var index = Array.IndexOf(lines[0].Split(',').Select(c => c.Trim('"')).ToArray(), column);
        return double.Parse(lines[1].Split(',')[index], CultureInfo.InvariantCulture);
    }

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Abs(expected), $"R gives {expected:R}, we give {actual:R}");

    [Fact]
    public async Task Prints_lmer_numbers_for_the_alsfrs_data()
    {
        var (exit, output, error) = await Lmm("--csv", Reference("data-alsfrs-lmm.csv"), "--subject", "patient", "--time", "months", "--outcome", "alsfrs");
        Assert.Equal((0, ""), (exit, error));
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal((1903, 300), (root.GetProperty("n").GetInt32(), root.GetProperty("subjects").GetInt32()));
        var intercept = root.GetProperty("fixed")[0];
        var slope = root.GetProperty("fixed")[1];
        Assert.Equal(("(Intercept)", "months"), (intercept.GetProperty("name").GetString(), slope.GetProperty("name").GetString()));
        const string file = "lmm-alsfrs.csv";
        Close(R(file, "intercept"), intercept.GetProperty("estimate").GetDouble());
        Close(R(file, "interceptSe"), intercept.GetProperty("se").GetDouble());
        Close(R(file, "slope"), slope.GetProperty("estimate").GetDouble());
        Close(R(file, "slopeSe"), slope.GetProperty("se").GetDouble());
        var random = root.GetProperty("random");
        Close(R(file, "interceptSd"), random.GetProperty("interceptSd").GetDouble());
        Close(R(file, "slopeSd"), random.GetProperty("slopeSd").GetDouble());
        Close(R(file, "correlation"), random.GetProperty("correlation").GetDouble());
        Close(R(file, "residualSd"), root.GetProperty("residualSd").GetDouble());
        Close(R(file, "remlCriterion"), root.GetProperty("remlCriterion").GetDouble());
        // lme4's isSingular is FALSE here (lmm-edge.csv): the array is present and empty.
        Assert.False(root.GetProperty("singular").GetBoolean());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }

    /// <summary>One data set of data-lmm-edge.csv (make-lmm-edge-references.R) as its own CSV file, and lme4's row for it from lmm-edge.csv.</summary>
    private string Edge(string name, out string[] r)
    {
        var lines = File.ReadAllLines(Reference("data-lmm-edge.csv"));
        var header = lines[0].Split(',').Select(c => c.Trim('"')).ToArray();
        var caseColumn = Array.IndexOf(header, "case");
        var rows = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[caseColumn].Trim('"') == name)
            .Select(f => string.Join(',', f.Where((_, i) => i != caseColumn)));
        r = File.ReadAllLines(Reference("lmm-edge.csv")).Skip(1).Select(l => l.Split(',').Select(c => c.Trim('"')).ToArray()).Single(f => f[0] == name);
        return _files.Write(string.Join('\n', [string.Join(',', header.Where((_, i) => i != caseColumn)), .. rows]) + "\n");
    }

    [Theory]
    [InlineData("one-subject")]
    [InlineData("one-visit-each")]
    [InlineData("two-visits-each")]
    [InlineData("one-or-two-visits")]
    public async Task Refuses_what_lmer_refuses_with_its_message(string name)
    {
        var csv = Edge(name, out var r);
        var (exit, output, error) = await Lmm("--csv", csv, "--subject", "id", "--time", "t", "--outcome", "y");
        Assert.Equal((1, ""), (exit, output));
        Assert.Equal($"error: {r[3]}", error.Trim());
    }

    [Fact]
    public async Task Refuses_fewer_than_three_subjects_with_a_slope()
    {
        var (exit, output, error) = await Lmm("--csv", Edge("two-lines", out _), "--subject", "id", "--time", "t", "--outcome", "y");
        Assert.Equal((1, ""), (exit, output));
        Assert.Equal("error: only 2 of 5 subjects have two or more distinct times (t): at least 3 are needed to estimate how slopes vary between subjects", error.Trim());
    }

    [Fact]
    public async Task A_singular_fit_is_said_in_the_json_and_on_stderr_as_lme4_says_it()
    {
        var (exit, output, error) = await Lmm("--csv", Edge("correlated", out var r), "--subject", "id", "--time", "t", "--outcome", "y");
        Assert.Equal(0, exit);
        Assert.Equal(("TRUE", "boundary (singular) fit: see help('isSingular')"), (r[4], r[^1]));
        Assert.Equal($"warning: {r[^1]}", error.Trim());
        var root = JsonDocument.Parse(output).RootElement;
        Assert.True(root.GetProperty("singular").GetBoolean());
        Assert.Equal([r[^1]], root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(-1, root.GetProperty("random").GetProperty("correlation").GetDouble(), 12);
    }

    [Fact]
    public async Task Noise_free_lines_give_the_exact_fixed_effects()
    {
        var (exit, output, error) = await Lmm("--csv", Edge("noise-free", out _), "--subject", "id", "--time", "t", "--outcome", "y");
        Assert.Equal(0, exit);
        Assert.StartsWith("warning: residual variance estimated as zero", error);
        var root = JsonDocument.Parse(output).RootElement;
        const string file = "lmm-edge.csv";
        var exact = File.ReadAllLines(Reference(file)).Select(l => l.Split(',')).Single(f => f[0] == "\"noise-free-exact\"");
        Assert.Equal(40.8, double.Parse(exact[5], CultureInfo.InvariantCulture), 12);
        Close(double.Parse(exact[5], CultureInfo.InvariantCulture), root.GetProperty("fixed")[0].GetProperty("estimate").GetDouble());
        Close(double.Parse(exact[6], CultureInfo.InvariantCulture), root.GetProperty("fixed")[1].GetProperty("estimate").GetDouble());
        Assert.Equal(0, root.GetProperty("residualSd").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("remlCriterion").ValueKind);
        Assert.False(root.GetProperty("singular").GetBoolean());
    }

    [Fact]
    public async Task Quoted_subject_labels_as_R_writes_them()
    {
        var (exit, output, _) = await Lmm("--csv", Reference("data-sleepstudy.csv"), "--subject", "Subject", "--time", "Days", "--outcome", "Reaction");
        Assert.Equal(0, exit);
        Close(R("lmm-sleepstudy.csv", "remlCriterion"), JsonDocument.Parse(output).RootElement.GetProperty("remlCriterion").GetDouble());
    }

    [Theory]
    [InlineData("id,t,y\na,0,40\na,1,x39\n", "line 3: y 'x39' is not a number")]
    [InlineData("id,t,y\na,0,40\na,soon,39\n", "line 3: t 'soon' is not a number")]
    [InlineData("id,t,y\na,0,40\nb,1,NA\n", "line 3: y is missing")]
    [InlineData("id,t,y\na,0,40\n,1,39\n", "line 3: the subject (id) is missing")]
    [InlineData("id,t,y\na,0,40\nb,0,39\nc,0,38\n", "at least two values")]
    [InlineData("id,t,y\n", "has no rows")]
    public async Task Bad_rows_are_refused_with_their_line(string csv, string message)
    {
        var (exit, output, error) = await Lmm("--csv", _files.Write(csv), "--subject", "id", "--time", "t", "--outcome", "y");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task Missing_file_unknown_column_and_bad_options()
    {
        var missing = await Lmm("--csv", Path.Combine(_files.Directory, "none.csv"), "--subject", "id", "--time", "t", "--outcome", "y");
        Assert.Equal((1, ""), (missing.Exit, missing.Out));
        Assert.Contains("no such file", missing.Err);
        var column = await Lmm("--csv", Reference("data-sleepstudy.csv"), "--subject", "Subject", "--time", "Day", "--outcome", "Reaction");
        Assert.Equal(1, column.Exit);
        Assert.Contains("has no column 'Day'", column.Err);
        var usage = await Lmm("--csv", Reference("data-sleepstudy.csv"), "--subject", "Subject", "--time", "Days");
        Assert.Equal(2, usage.Exit);
        Assert.Contains("--outcome is required", usage.Err);
        Assert.Contains("unknown option --reml", (await Lmm("--csv", "x.csv", "--subject", "s", "--time", "t", "--outcome", "y", "--reml", "no")).Err);
    }

    public void Dispose() => _files.Dispose();
}
