using System.Globalization;
using System.Text.Json;
using static CellTherapyCenter.Cli.Tests.CliRun;

namespace CellTherapyCenter.Cli.Tests;

/// <summary>The survival commands end to end: arguments in, JSON out (checked against R's stored outputs), errors on stderr.</summary>
public sealed class StatsCommandTests : IDisposable
{
    private readonly TemporaryCsvFiles _files = new();

    [Fact]
    public async Task Km_by_group_prints_survfit_numbers_for_lung()
    {
        var (exit, output, error) = await RunAsync("stats", "km", "--csv", Reference("data-lung.csv"), "--time", "time", "--event", "status", "--group", "group");
        Assert.Equal((0, ""), (exit, error));
        var groups = JsonDocument.Parse(output).RootElement.GetProperty("groups");
        Assert.Equal(2, groups.GetArrayLength());
        var first = groups[0];
        Assert.Equal("1", first.GetProperty("group").GetString());
        Assert.Equal((138, 112), (first.GetProperty("n").GetInt32(), first.GetProperty("events").GetInt32()));
        // R: quantile(survfit(Surv(time, status) ~ sex, lung), 0.5) gives 270 (212, 310) for sex 1.
        Assert.Equal((270.0, 212.0, 310.0), (first.GetProperty("median").GetDouble(), first.GetProperty("medianLower").GetDouble(), first.GetProperty("medianUpper").GetDouble()));
        // First step of sex 1 in R: time 11, 138 at risk, 3 events, S 0.978260869565217, std.err 0.0127.
        var r = File.ReadLines(Reference("km-lung-log-group.csv")).Skip(1).First().Split(',');
        Assert.Equal(double.Parse(r[5], CultureInfo.InvariantCulture), first.GetProperty("survival")[0].GetDouble(), 12);
        Assert.Equal(double.Parse(r[6], CultureInfo.InvariantCulture), first.GetProperty("stdErr")[0].GetDouble(), 12);
        foreach (var field in new[] { "time", "nRisk", "nEvent", "nCensor", "survival", "stdErr", "lower", "upper" })
            Assert.Equal(first.GetProperty("time").GetArrayLength(), first.GetProperty(field).GetArrayLength());
    }

    [Fact]
    public async Task Km_without_group_and_with_log_log_intervals()
    {
        var (exit, output, _) = await RunAsync("stats", "km", "--csv", Reference("data-veteran.csv"), "--time", "time", "--event", "status", "--conf-type", "log-log");
        Assert.Equal(0, exit);
        var all = JsonDocument.Parse(output).RootElement.GetProperty("groups")[0];
        Assert.Equal(JsonValueKind.Null, all.GetProperty("group").ValueKind);
        var r = File.ReadLines(Reference("km-veteran-log-log-all.csv")).Skip(1).First().Split(',');
        Assert.Equal(double.Parse(r[7], CultureInfo.InvariantCulture), all.GetProperty("lower")[0].GetDouble(), 12);
    }

    [Fact]
    public async Task Logrank_prints_survdiff_numbers()
    {
        var (exit, output, _) = await RunAsync("stats", "logrank", "--csv", Reference("data-lung.csv"), "--time", "time", "--event", "status", "--group", "group");
        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        // R: survdiff(Surv(time, status) ~ sex, lung): Chisq = 10.3 on 1 df, p = 0.001.
        Assert.Equal(10.3267419548856, root.GetProperty("chisq").GetDouble(), 9);
        Assert.Equal(1, root.GetProperty("df").GetInt32());
        Assert.Equal(0.00131116452035549, root.GetProperty("p").GetDouble(), 12);
        Assert.Equal(112, root.GetProperty("observed").GetProperty("1").GetDouble());
        Assert.Equal(73.4182609704272, root.GetProperty("expected").GetProperty("2").GetDouble(), 9);
    }

    [Fact]
    public async Task Events_may_be_written_true_and_false()
    {
        var path = _files.Write("t,dead\n3,true\n5,false\n8,TRUE\n");
        var (exit, output, _) = await RunAsync("stats", "km", "--csv", path, "--time", "t", "--event", "dead");
        Assert.Equal(0, exit);
        Assert.Equal(2, JsonDocument.Parse(output).RootElement.GetProperty("groups")[0].GetProperty("events").GetInt32());
    }

    [Theory]
    [InlineData("t,e\n3,1\n,0\n", "line 3: the time is missing")]
    [InlineData("t,e\n3,1\n-2,0\n", "line 3: the time -2 is negative")]
    [InlineData("t,e\n3,1\nsoon,0\n", "line 3: the time 'soon' is not a number")]
    [InlineData("t,e\n3,yes\n", "line 2: the event 'yes' is not 0, 1, true or false")]
    public async Task A_bad_row_is_named_by_its_line_and_nothing_is_printed(string csv, string message)
    {
        var (exit, output, error) = await RunAsync("stats", "km", "--csv", _files.Write(csv), "--time", "t", "--event", "e");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("t,e\n3,1\n4\n5,0\n", "line 3: 1 field where the header has 2: column 2 (e) is missing")]
    [InlineData("t,e\n3,1\n4,1,\n", "line 3: 3 fields where the header has 2: column 3 has no name")]
    [InlineData("t,e\n3,1\n4,1,9\n", "line 3: 3 fields where the header has 2: column 3 has no name (a comma inside a value must be quoted)")]
    [InlineData("t,e\n3,1\n\"4,1\n5,0\n", "line 3, column 1 (t): the quote opened at character 1 is never closed")]
    [InlineData("t,e\n3,1\n4, \"1\n", "line 3, column 2 (e): the quote opened at character 4 is never closed")]
    [InlineData("t,e\n3,1\n4\"x,1\n", "line 3, column 1 (t): a quote inside an unquoted value")]
    [InlineData("t,e\n3,1\n\"4\"x,1\n", "line 3, column 1 (t): text after the closing quote")]
    [InlineData("t,\"e\n3,1\n", "line 1, column 2: the quote opened at character 3 is never closed")]
    // Lines are the file's lines: a line break inside quotes, \r\n and blank lines count as such.
    [InlineData("t,e\n\"3\n\",1\n4\n", "line 4: 1 field where the header has 2")]
    [InlineData("t,e\r\n3,1\r\n\r\n4,1,0\r\n", "line 4: 3 fields where the header has 2")]
    [InlineData("", "line 1: ")]
    [InlineData("\n  \n", "line 1: ")]
    [InlineData("3,1\n4,0\n", "line 1: ")]
    [InlineData("t,t,e\n3,3,1\n", "line 1: ")]
    public async Task A_malformed_file_is_named_by_its_line_and_column_and_nothing_is_printed(string csv, string message)
    {
        var (exit, output, error) = await RunAsync("stats", "km", "--csv", _files.Write(csv), "--time", "t", "--event", "e");

        AssertRefused(exit, output, error, message);
    }

    [Fact]
    public async Task An_empty_file_or_a_header_without_the_columns_says_so()
    {
        Assert.Contains("is empty: a header row naming the columns is needed", (await RunAsync("stats", "km", "--csv", _files.Write(""), "--time", "t", "--event", "e")).Err);
        Assert.Contains("has no column 't' (columns: 3, 1)", (await RunAsync("stats", "km", "--csv", _files.Write("3,1\n4,0\n"), "--time", "t", "--event", "e")).Err);
        Assert.Contains("names column 't' more than once (columns 1 and 2)", (await RunAsync("stats", "km", "--csv", _files.Write("t,t,e\n3,3,1\n"), "--time", "t", "--event", "e")).Err);
        Assert.Contains("has no rows", (await RunAsync("stats", "km", "--csv", _files.Write("t,e\n"), "--time", "t", "--event", "e")).Err);
    }

    [Theory]
    [InlineData(new byte[] { 0x74, 0x2C, 0x65, 0x2C, 0x67, 0x0A, 0x33, 0x2C, 0x31, 0x2C, 0x61, 0x0A, 0x34, 0x2C, 0x30, 0x2C, 0x63, 0x61, 0x66, 0xE9, 0x0A }, "line 3, character 8: byte 0xE9 is not UTF-8 (save the file as UTF-8)")]
    [InlineData(new byte[] { 0x74, 0x2C, 0x65, 0x2C, 0x67, 0x0D, 0x0A, 0xC3, 0x28, 0x2C, 0x31, 0x2C, 0x61, 0x0A }, "line 2, character 1: byte 0xC3 is not UTF-8")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x74, 0x00, 0x2C, 0x00, 0x65, 0x00 }, "line 1: ")]
    public async Task Bytes_that_are_not_UTF8_are_named_by_line_and_character(byte[] bytes, string message)
    {
        var path = Path.Combine(_files.Directory, "encoded.csv");
        await File.WriteAllBytesAsync(path, bytes);

        var (exit, output, error) = await RunAsync("stats", "km", "--csv", path, "--time", "t", "--event", "e", "--group", "g");

        AssertRefused(exit, output, error, message);
    }

    [Fact]
    public async Task A_byte_order_mark_quoted_fields_and_an_unnamed_first_column_as_R_writes_are_read()
    {
        // write.csv(data) in R: row names in a first column without a name, every text quoted.
        var path = Path.Combine(_files.Directory, "bom.csv");
        await File.WriteAllBytesAsync(path, [.. "\uFEFF"u8, .. "\"\",\"t\",\"e\",\"g\"\r\n\"1\",3,1,\"a, b\"\r\n\"2\", 5 ,0,\"say \"\"hi\"\"\"\r\n"u8]);

        var (exit, output, error) = await RunAsync("stats", "km", "--csv", path, "--time", "t", "--event", "e", "--group", "g");

        Assert.Equal((0, ""), (exit, error));
        var groups = JsonDocument.Parse(output).RootElement.GetProperty("groups");
        Assert.Equal(["a, b", "say \"hi\""], groups.EnumerateArray().Select(g => g.GetProperty("group").GetString()));
        Assert.Equal(5, groups[1].GetProperty("time")[0].GetDouble());
    }

    /// <summary>Every stats command reads its CSV the same way, and refuses a malformed row the same way.</summary>
    [Theory]
    [InlineData("km --time t --event e")]
    [InlineData("logrank --time t --event e --group g")]
    [InlineData("cox --time t --event e --covariates x")]
    [InlineData("lmm --subject g --time t --outcome x")]
    public async Task Every_stats_command_refuses_a_malformed_row(string arguments)
    {
        var words = arguments.Split(' ');
        var (command, columns) = (words[0], words[1..]);
        const string header = "t,e,g,x\n1,1,a,40\n2,0,a,38\n3,1,b,41\n";
        var many = await RunAsync(["stats", command, "--csv", _files.Write(header + "4,0,b,39,7\n"), .. columns]);
        AssertRefused(many.Exit, many.Out, many.Err, "line 5: 5 fields where the header has 4");
        var few = await RunAsync(["stats", command, "--csv", _files.Write(header + "4,0,b\n5,1,b,37\n"), .. columns]);
        AssertRefused(few.Exit, few.Out, few.Err, "line 5: 3 fields where the header has 4: column 4 (x) is missing");
        var quote = await RunAsync(["stats", command, "--csv", _files.Write(header + "4,0,\"b,39\n5,1,b,37\n"), .. columns]);
        AssertRefused(quote.Exit, quote.Out, quote.Err, "line 5, column 3 (g): the quote opened at character 5 is never closed");
    }

    /// <summary>Exit 1, nothing on stdout, one line on stderr that names the fault: no stack trace.</summary>
    private static void AssertRefused(int exit, string output, string error, string message)
    {
        Assert.Equal((1, ""), (exit, output));
        Assert.StartsWith("error: " + message, error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Usage_errors_exit_with_2()
    {
        Assert.Equal(2, (await RunAsync("stats", "nonsense")).Exit);
        Assert.Contains("--time is required", (await RunAsync("stats", "km", "--csv", Reference("data-lung.csv"), "--event", "status")).Err);
        Assert.Contains("unknown option --colour", (await RunAsync("stats", "km", "--csv", Reference("data-lung.csv"), "--time", "time", "--event", "status", "--colour", "red")).Err);
        Assert.Contains("--conf-type must be log or log-log", (await RunAsync("stats", "km", "--csv", Reference("data-lung.csv"), "--time", "time", "--event", "status", "--conf-type", "plain")).Err);
    }

    [Fact]
    public async Task A_missing_file_or_column_fails_clearly()
    {
        var missing = await RunAsync("stats", "km", "--csv", Path.Combine(_files.Directory, "none.csv"), "--time", "t", "--event", "e");
        Assert.Equal(1, missing.Exit);
        Assert.Contains("no such file", missing.Err);
        var column = await RunAsync("stats", "logrank", "--csv", Reference("data-lung.csv"), "--time", "time", "--event", "status", "--group", "arm");
        Assert.Contains("has no column 'arm'", column.Err);
        var oneGroup = await RunAsync("stats", "logrank", "--csv", _files.Write("t,e,g\n1,1,a\n2,0,a\n"), "--time", "t", "--event", "e", "--group", "g");
        Assert.Contains("at least two groups", oneGroup.Err);
    }

    public void Dispose() => _files.Dispose();
}
