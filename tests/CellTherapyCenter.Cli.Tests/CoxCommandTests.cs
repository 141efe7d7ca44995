using System.Text.Json;
using static CellTherapyCenter.Cli.Tests.CliRun;

namespace CellTherapyCenter.Cli.Tests;

public sealed class CoxCommandTests
{
    [Fact]
    public async Task Cox_prints_coxph_numbers_for_lung()
    {
        var (exit, output, error) = await RunAsync("stats", "cox", "--csv", Reference("data-cox-lung.csv"), "--time", "time", "--event", "status", "--covariates", "age,sex,ecog");
        Assert.Equal((0, ""), (exit, error));
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal((227, 164), (root.GetProperty("n").GetInt32(), root.GetProperty("events").GetInt32()));
        var sex = root.GetProperty("coefficients")[1];
        Assert.Equal("sex", sex.GetProperty("name").GetString());
        // R: coxph(Surv(time, status) ~ age + sex + ph.ecog, lung): sex coef -0.5526124, se 0.1677391, HR 0.5754.
        Assert.Equal(-0.552612395703631, sex.GetProperty("coef").GetDouble(), 6);
        Assert.Equal(0.167739053787264, sex.GetProperty("se").GetDouble(), 6);
        Assert.Equal(Math.Exp(-0.552612395703631), sex.GetProperty("hr").GetDouble(), 6);
        Assert.Equal(30.5006687731566, root.GetProperty("lrTest").GetProperty("chisq").GetDouble(), 5);
        Assert.Equal(3, root.GetProperty("lrTest").GetProperty("df").GetInt32());
        Assert.Equal(0.637135493000455, root.GetProperty("concordance").GetDouble(), 9);
    }

    [Fact]
    public async Task Breslow_ties_and_bad_input()
    {
        var (exit, output, _) = await RunAsync("stats", "cox", "--csv", Reference("data-cox-ties.csv"), "--time", "time", "--event", "status", "--covariates", "x1,x2", "--ties", "breslow");
        Assert.Equal(0, exit);
        Assert.Equal(-508.732696121621, JsonDocument.Parse(output).RootElement.GetProperty("logLikelihood").GetDouble(), 6);

        Assert.Contains("--ties must be efron or breslow", (await RunAsync("stats", "cox", "--csv", Reference("data-cox-ties.csv"), "--time", "time", "--event", "status", "--covariates", "x1", "--ties", "exact")).Err);
        var missing = await RunAsync("stats", "cox", "--csv", Reference("data-lung.csv"), "--time", "time", "--event", "status", "--covariates", "age");
        Assert.Equal(1, missing.Exit);
        Assert.Contains("has no column 'age'", missing.Err);
    }
}
