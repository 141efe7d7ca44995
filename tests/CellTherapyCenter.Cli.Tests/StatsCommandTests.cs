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
