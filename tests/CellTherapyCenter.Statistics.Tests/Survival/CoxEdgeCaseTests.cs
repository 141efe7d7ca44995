using System.Text.RegularExpressions;
using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Statistics.Tests.Survival;

/// <summary>
/// The Cox model where coxph cannot estimate every term or warns, against R 4.2.2 / survival 3.5.3,
/// stored by Reference/make-cox-edge-references.R: aliased covariates (x2 = 2·x1; total = a + b)
/// and constant ones get NA and the degrees of freedom count only the others; one event and
/// perfect separation give "Loglik converged before variable ..."; two small sets run out of
/// iterations. Every number R prints agrees to 1e-6, NA where R has NA, and the warnings are R's.
/// </summary>
public sealed partial class CoxEdgeCaseTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in new[] { "aliased-double", "aliased-total", "constant", "constant-only", "one-event", "separation", "diverge", "overflow" })
            foreach (var ties in new[] { "efron", "breslow" })
                data.Add(set, ties);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_coxph(string set, string ties)
    {
        var data = ReferenceData.Read($"data-cox-edge-{set}.csv");
        var coefficients = ReferenceData.Read($"cox-edge-{set}.csv");
        var tests = ReferenceData.Read($"cox-edge-tests-{set}.csv");
        var coefficientRows = coefficients.RowsWhere("ties", ties).ToArray();
        var testRow = tests.RowsWhere("ties", ties).Single();
        var names = coefficientRows.Select(r => coefficients.Text(r, "name")).ToArray();
        var rows = Enumerable.Range(0, data.Count).ToList();
        var x = new double[data.Count, names.Length];
        foreach (var r in rows) for (var j = 0; j < names.Length; j++) x[r, j] = data.Number(r, names[j]);

        var fit = CoxModel.Fit(data.Numbers("time", rows), rows.Select(r => data.Number(r, "status") == 1).ToArray(), names, x,
            ties == "efron" ? TiesMethod.Efron : TiesMethod.Breslow);

        for (var j = 0; j < names.Length; j++)
        {
            var c = fit.Coefficients[j];
            var row = coefficientRows[j];
            var what = $"{set} {ties} {names[j]}";
            Assert.Equal(names[j], c.Name);
            Assert.True(coefficients.Text(row, "aliased") == "TRUE" == c.Aliased, $"{what}: R says aliased {coefficients.Text(row, "aliased")}");
            AssertR.Close(coefficients.Number(row, "coef"), c.Coef, $"{what} coef");
            AssertR.Close(coefficients.Number(row, "se"), c.Se, $"{what} se");
            AssertR.Close(coefficients.Number(row, "z"), c.Z, $"{what} z");
            AssertR.Close(coefficients.Number(row, "p"), c.P, $"{what} p");
            AssertR.Close(coefficients.Number(row, "lower"), c.Lower, $"{what} lower");
            AssertR.Close(coefficients.Number(row, "upper"), c.Upper, $"{what} upper");
            if (c.Aliased) Assert.True(double.IsNaN(c.HazardRatio), $"{what}: an aliased term has no hazard ratio");
        }
        Assert.Equal((int)tests.Number(testRow, "n"), fit.N);
        Assert.Equal((int)tests.Number(testRow, "events"), fit.Events);
        var df = (int)tests.Number(testRow, "df");
        Assert.Equal((df, df, df), (fit.LikelihoodRatio.DegreesOfFreedom, fit.Wald.DegreesOfFreedom, fit.Score.DegreesOfFreedom));
        AssertR.Close(tests.Number(testRow, "loglik0"), fit.LogLikelihoodNull, "loglik at zero");
        AssertR.Close(tests.Number(testRow, "loglik"), fit.LogLikelihood, "loglik");
        AssertR.Close(tests.Number(testRow, "lr"), fit.LikelihoodRatio.ChiSquare, "likelihood ratio");
        AssertR.Close(tests.Number(testRow, "lr.p"), fit.LikelihoodRatio.P, "likelihood ratio p");
        AssertR.Close(tests.Number(testRow, "wald"), fit.Wald.ChiSquare, "Wald");
        AssertR.Close(tests.Number(testRow, "wald.p"), fit.Wald.P, "Wald p");
        AssertR.Close(tests.Number(testRow, "score"), fit.Score.ChiSquare, "score");
        AssertR.Close(tests.Number(testRow, "score.p"), fit.Score.P, "score p");
        AssertR.Close(tests.Number(testRow, "concordance"), fit.Concordance, "concordance");
        Assert.Equal((int)tests.Number(testRow, "iter"), fit.Iterations);

        var warnings = Warnings(set, ties);
        Assert.Equal(warnings, fit.Warnings);
        Assert.Equal(!warnings.Contains(CoxModel.NotConverged), fit.Converged);
    }

    /// <summary>R's warnings for the case, its trailing space trimmed (the messages hold commas, so read here, not by ReferenceData).</summary>
    private static List<string> Warnings(string set, string ties) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", $"cox-edge-warnings-{set}.csv")).Skip(1)
            .Select(line => WarningRow().Match(line))
            .Where(m => m.Success && m.Groups[1].Value == ties)
            .Select(m => m.Groups[2].Value.TrimEnd())
            .ToList();

    [GeneratedRegex("^\"([^\"]*)\",\"(.*)\"$")]
    private static partial Regex WarningRow();
}
