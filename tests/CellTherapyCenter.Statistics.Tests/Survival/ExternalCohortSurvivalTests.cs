using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Statistics.Tests.Survival;

/// <summary>
/// Survival from onset of treated patients against an external cohort (issue 19), as the outcomes
/// audit compares them: Kaplan-Meier by group, the log-rank test and the Cox model adjusted for age
/// at onset, bulbar onset and ΔFRS at baseline, against R 4.2.2 / survival 3.5.3 on a generated set
/// of 300 cohort subjects and 90 treated patients with tied months (Reference/make-comparison-references.R).
/// </summary>
public sealed class ExternalCohortSurvivalTests
{
    private static readonly ReferenceData Data = ReferenceData.Read("data-comparison-survival.csv");
    private static readonly List<int> Rows = Enumerable.Range(0, Data.Count).ToList();
    private static readonly string[] Covariates = ["treated", "age_onset", "bulbar", "dfrs"];

    private static bool[] Died(IEnumerable<int> rows) => rows.Select(r => Data.Number(r, "died") == 1).ToArray();

    [Theory]
    [InlineData("log")]
    [InlineData("log-log")]
    public void Kaplan_Meier_by_group_agrees_with_survfit(string conf)
    {
        var curves = ReferenceData.Read($"km-comparison-{conf}.csv");
        var medians = ReferenceData.Read($"km-median-comparison-{conf}.csv");
        foreach (var group in new[] { "0", "1" })
        {
            var mine = Rows.Where(r => Data.Text(r, "treated") == group).ToList();
            var fit = KaplanMeier.Fit(Data.Numbers("months", mine), Died(mine), conf == "log" ? ConfidenceType.Log : ConfidenceType.LogLog);
            var expected = curves.RowsWhere("group", group).ToList();
            Assert.NotEmpty(expected);
            var label = $"{conf} treated={group}";
            AssertR.Close(curves.Numbers("time", expected), fit.Time, $"{label} time");
            AssertR.Close(curves.Numbers("n.risk", expected), fit.NRisk.Select(n => (double)n).ToArray(), $"{label} n.risk");
            AssertR.Close(curves.Numbers("n.event", expected), fit.NEvent.Select(n => (double)n).ToArray(), $"{label} n.event");
            AssertR.Close(curves.Numbers("n.censor", expected), fit.NCensor.Select(n => (double)n).ToArray(), $"{label} n.censor");
            AssertR.Close(curves.Numbers("surv", expected), fit.Survival, $"{label} surv");
            AssertR.Close(curves.Numbers("std.err", expected), fit.StdErr, $"{label} std.err");
            AssertR.Close(curves.Numbers("lower", expected), fit.Lower, $"{label} lower");
            AssertR.Close(curves.Numbers("upper", expected), fit.Upper, $"{label} upper");

            var m = medians.RowsWhere("group", group).Single();
            AssertR.Close(medians.Number(m, "median"), fit.Median, $"{label} median");
            AssertR.Close(medians.Number(m, "lower"), fit.MedianLower, $"{label} median lower");
            AssertR.Close(medians.Number(m, "upper"), fit.MedianUpper, $"{label} median upper");
        }
    }

    [Fact]
    public void Log_rank_agrees_with_survdiff()
    {
        var reference = ReferenceData.Read("logrank-comparison.csv");
        var result = LogRankTest.Compute(Data.Numbers("months", Rows), Died(Rows), Rows.Select(r => Data.Text(r, "treated")).ToArray());
        AssertR.Close(reference.Number(0, "chisq"), result.ChiSquare, "chisq");
        Assert.Equal((int)reference.Number(0, "df"), result.DegreesOfFreedom);
        AssertR.Close(reference.Number(0, "p"), result.P, "p");
        Assert.Equal(2, reference.Count);
        for (var r = 0; r < reference.Count; r++)
        {
            var group = reference.Text(r, "group");
            AssertR.Close(reference.Number(r, "observed"), result.Observed[group], $"observed treated={group}");
            AssertR.Close(reference.Number(r, "expected"), result.Expected[group], $"expected treated={group}");
        }
    }

    [Theory]
    [InlineData("efron")]
    [InlineData("breslow")]
    public void Adjusted_Cox_model_agrees_with_coxph(string ties)
    {
        var coefficients = ReferenceData.Read($"cox-comparison-{ties}.csv");
        var tests = ReferenceData.Read($"cox-tests-comparison-{ties}.csv");
        Assert.Equal(Covariates, Enumerable.Range(0, coefficients.Count).Select(r => coefficients.Text(r, "name")));
        var x = new double[Data.Count, Covariates.Length];
        foreach (var r in Rows) for (var j = 0; j < Covariates.Length; j++) x[r, j] = Data.Number(r, Covariates[j]);

        var fit = CoxModel.Fit(Data.Numbers("months", Rows), Died(Rows), Covariates, x, ties == "efron" ? TiesMethod.Efron : TiesMethod.Breslow);

        for (var j = 0; j < Covariates.Length; j++)
        {
            var c = fit.Coefficients[j];
            var label = $"{ties} {Covariates[j]}";
            Assert.Equal(Covariates[j], c.Name);
            AssertR.Close(coefficients.Number(j, "coef"), c.Coef, $"{label} coef");
            AssertR.Close(coefficients.Number(j, "se"), c.Se, $"{label} se");
            AssertR.Close(coefficients.Number(j, "hr"), c.HazardRatio, $"{label} hazard ratio");
            AssertR.Close(coefficients.Number(j, "z"), c.Z, $"{label} z");
            AssertR.Close(coefficients.Number(j, "p"), c.P, $"{label} p");
            AssertR.Close(coefficients.Number(j, "lower"), c.Lower, $"{label} lower");
            AssertR.Close(coefficients.Number(j, "upper"), c.Upper, $"{label} upper");
        }
        Assert.Equal((int)tests.Number(0, "n"), fit.N);
        Assert.Equal((int)tests.Number(0, "events"), fit.Events);
        AssertR.Close(tests.Number(0, "loglik0"), fit.LogLikelihoodNull, "loglik at zero");
        AssertR.Close(tests.Number(0, "loglik"), fit.LogLikelihood, "loglik");
        AssertR.Close(tests.Number(0, "lr"), fit.LikelihoodRatio.ChiSquare, "likelihood ratio");
        Assert.Equal((int)tests.Number(0, "lr.df"), fit.LikelihoodRatio.DegreesOfFreedom);
        AssertR.Close(tests.Number(0, "lr.p"), fit.LikelihoodRatio.P, "likelihood ratio p");
        AssertR.Close(tests.Number(0, "wald"), fit.Wald.ChiSquare, "Wald");
        AssertR.Close(tests.Number(0, "wald.p"), fit.Wald.P, "Wald p");
        AssertR.Close(tests.Number(0, "score"), fit.Score.ChiSquare, "score");
        AssertR.Close(tests.Number(0, "score.p"), fit.Score.P, "score p");
        AssertR.Close(tests.Number(0, "concordance"), fit.Concordance, "concordance");
        Assert.True(fit.Converged);
        Assert.Empty(fit.Warnings);
    }

    [Fact]
    public void Efron_and_Breslow_differ_on_these_tied_months()
    {
        // The data must carry tied deaths, or the two Breslow/Efron tests above check the same thing twice.
        var efron = ReferenceData.Read("cox-comparison-efron.csv");
        var breslow = ReferenceData.Read("cox-comparison-breslow.csv");
        Assert.True(Math.Abs(efron.Number(0, "coef") - breslow.Number(0, "coef")) > 1e-4);
    }
}
