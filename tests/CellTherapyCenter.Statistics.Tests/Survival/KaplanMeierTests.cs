using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Statistics.Tests.Survival;

/// <summary>
/// Kaplan-Meier against R 4.2.2 / survival 3.5.3 (survfit and quantile.survfit), on the outputs
/// stored by Reference/make-survival-references.R: lung, veteran, heavy ties, a group entirely
/// censored and a single subject, overall and by group, with log and log-log intervals.
/// </summary>
public sealed class KaplanMeierTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var set in new[] { "lung", "veteran", "ties", "censored", "single" })
            foreach (var conf in new[] { "log", "log-log" })
                foreach (var by in set == "single" ? new[] { "all" } : ["all", "group"])
                    cases.Add(set, conf, by);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Curve_and_median_agree_with_R(string set, string conf, string by)
    {
        var data = ReferenceData.Read($"data-{set}.csv");
        var curves = ReferenceData.Read($"km-{set}-{conf}-{by}.csv");
        var medians = ReferenceData.Read($"km-median-{set}-{conf}-{by}.csv");
        var type = conf == "log" ? ConfidenceType.Log : ConfidenceType.LogLog;
        var rows = Enumerable.Range(0, data.Count).ToList();
        var groups = by == "all" ? new[] { "all" } : rows.Select(r => data.Text(r, "group")).Distinct().Order().ToArray();

        foreach (var group in groups)
        {
            var mine = by == "all" ? rows : rows.Where(r => data.Text(r, "group") == group).ToList();
            var fit = KaplanMeier.Fit(data.Numbers("time", mine), mine.Select(r => data.Number(r, "status") == 1).ToArray(), type);
            var expected = curves.RowsWhere("group", group).ToList();
            var label = $"{set} {conf} {group}";
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
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => KaplanMeier.Fit([1, -2], [true, false]));
        Assert.Throws<ArgumentException>(() => KaplanMeier.Fit([1, 2], [true]));
        Assert.Throws<ArgumentException>(() => KaplanMeier.Fit([], []));
    }
}
