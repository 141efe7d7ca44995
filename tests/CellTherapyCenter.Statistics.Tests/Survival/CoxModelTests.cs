using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Statistics.Tests.Survival;

/// <summary>
/// The Cox model against R 4.2.2 / survival 3.5.3 coxph, stored by Reference/make-cox-references.R:
/// lung (age, sex, ECOG), veteran (treatment, Karnofsky, age) and a data set with heavy ties,
/// under Efron and Breslow.
/// </summary>
public sealed class CoxModelTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "lung", "efron" }, { "lung", "breslow" }, { "veteran", "efron" }, { "veteran", "breslow" }, { "ties", "efron" }, { "ties", "breslow" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_coxph(string set, string ties)
    {
        var data = ReferenceData.Read($"data-cox-{set}.csv");
        var coefficients = ReferenceData.Read($"cox-{set}-{ties}.csv");
        var tests = ReferenceData.Read($"cox-tests-{set}-{ties}.csv");
        var names = Enumerable.Range(0, coefficients.Count).Select(r => coefficients.Text(r, "name")).ToArray();
        var rows = Enumerable.Range(0, data.Count).ToList();
        var x = new double[data.Count, names.Length];
        foreach (var r in rows) for (var j = 0; j < names.Length; j++) x[r, j] = data.Number(r, names[j]);

        var fit = CoxModel.Fit(data.Numbers("time", rows), rows.Select(r => data.Number(r, "status") == 1).ToArray(), names, x,
            ties == "efron" ? TiesMethod.Efron : TiesMethod.Breslow);

        for (var j = 0; j < names.Length; j++)
        {
            var c = fit.Coefficients[j];
            AssertR.Close(coefficients.Number(j, "coef"), c.Coef, $"{set} {ties} {names[j]} coef");
            AssertR.Close(coefficients.Number(j, "se"), c.Se, $"{set} {ties} {names[j]} se");
            AssertR.Close(coefficients.Number(j, "z"), c.Z, $"{set} {ties} {names[j]} z");
            AssertR.Close(coefficients.Number(j, "p"), c.P, $"{set} {ties} {names[j]} p");
            AssertR.Close(coefficients.Number(j, "lower"), c.Lower, $"{set} {ties} {names[j]} lower");
            AssertR.Close(coefficients.Number(j, "upper"), c.Upper, $"{set} {ties} {names[j]} upper");
        }
        Assert.Equal((int)tests.Number(0, "n"), fit.N);
        Assert.Equal((int)tests.Number(0, "events"), fit.Events);
        AssertR.Close(tests.Number(0, "loglik0"), fit.LogLikelihoodNull, "loglik at zero");
        AssertR.Close(tests.Number(0, "loglik"), fit.LogLikelihood, "loglik");
        AssertR.Close(tests.Number(0, "lr"), fit.LikelihoodRatio.ChiSquare, "likelihood ratio");
        AssertR.Close(tests.Number(0, "lr.p"), fit.LikelihoodRatio.P, "likelihood ratio p");
        AssertR.Close(tests.Number(0, "wald"), fit.Wald.ChiSquare, "Wald");
        AssertR.Close(tests.Number(0, "score"), fit.Score.ChiSquare, "score");
        AssertR.Close(tests.Number(0, "concordance"), fit.Concordance, "concordance");
    }
}
