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
        Assert.All(root.GetProperty("coefficients").EnumerateArray(), c => Assert.False(c.GetProperty("aliased").GetBoolean()));
        Assert.Equal(3, root.GetProperty("waldTest").GetProperty("df").GetInt32());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task An_aliased_covariate_is_reported_and_the_others_estimated_as_coxph()
    {
        // Reference/make-cox-edge-references.R: coxph(Surv(time, status) ~ x1 + x2 + z) with x2 = 2 * x1 gives x2 NA,
        // x1 0.126339626019121 (se 0.130939315059641), likelihood ratio 0.945139031047688 on 2 df.
        var (exit, output, error) = await RunAsync("stats", "cox", "--csv", Reference("data-cox-edge-aliased-double.csv"), "--time", "time", "--event", "status", "--covariates", "x1,x2,z");
        Assert.Equal((0, ""), (exit, error));
        var root = JsonDocument.Parse(output).RootElement;
        var (x1, x2) = (root.GetProperty("coefficients")[0], root.GetProperty("coefficients")[1]);
        Assert.False(x1.GetProperty("aliased").GetBoolean());
        Assert.Equal(0.126339626019121, x1.GetProperty("coef").GetDouble(), 9);
        Assert.Equal(0.130939315059641, x1.GetProperty("se").GetDouble(), 9);
        Assert.Equal("x2", x2.GetProperty("name").GetString());
        Assert.True(x2.GetProperty("aliased").GetBoolean());
        foreach (var field in new[] { "coef", "se", "hr", "lower", "upper", "z", "p" })
            Assert.Equal(JsonValueKind.Null, x2.GetProperty(field).ValueKind);
        Assert.Equal(0.945139031047688, root.GetProperty("lrTest").GetProperty("chisq").GetDouble(), 9);
        foreach (var test in new[] { "lrTest", "waldTest", "scoreTest" })
            Assert.Equal(2, root.GetProperty(test).GetProperty("df").GetInt32());
        Assert.Equal(0.940033405231389, root.GetProperty("waldTest").GetProperty("chisq").GetDouble(), 9);
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task A_constant_covariate_alone_leaves_nothing_to_estimate()
    {
        var (exit, output, error) = await RunAsync("stats", "cox", "--csv", Reference("data-cox-edge-constant-only.csv"), "--time", "time", "--event", "status", "--covariates", "five");
        Assert.Equal((0, ""), (exit, error));
        var root = JsonDocument.Parse(output).RootElement;
        Assert.True(root.GetProperty("coefficients")[0].GetProperty("aliased").GetBoolean());
        // R: "Likelihood ratio test= 0 on 0 df, p=1"; "Wald test = NA on 0 df".
        Assert.Equal((0.0, 0, 1.0), (root.GetProperty("lrTest").GetProperty("chisq").GetDouble(), root.GetProperty("lrTest").GetProperty("df").GetInt32(),
            root.GetProperty("lrTest").GetProperty("p").GetDouble()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("waldTest").GetProperty("chisq").ValueKind);
    }

    [Theory]
    [InlineData("data-cox-edge-separation.csv", "treated,age", "Loglik converged before variable  1 ; coefficient may be infinite.")]
    [InlineData("data-cox-edge-one-event.csv", "treated", "Loglik converged before variable  1 ; coefficient may be infinite.")]
    [InlineData("data-cox-edge-diverge.csv", "x,g", "Ran out of iterations and did not converge")]
    [InlineData("data-cox-edge-overflow.csv", "x,g", "Ran out of iterations and did not converge|one or more coefficients may be infinite")]
    public async Task Coxph_warnings_are_listed_and_printed_and_the_fit_still_returned(string file, string covariates, string expected)
    {
        // Reference/cox-edge-warnings-*.csv: the warnings coxph gives on the same data.
        var (exit, output, error) = await RunAsync("stats", "cox", "--csv", Reference(file), "--time", "time", "--event", "status", "--covariates", covariates);
        Assert.Equal(0, exit);
        var warnings = expected.Split('|');
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(warnings, root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(string.Concat(warnings.Select(w => $"warning: {w}{Environment.NewLine}")), error);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("coefficients")[0].GetProperty("coef").ValueKind);
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
