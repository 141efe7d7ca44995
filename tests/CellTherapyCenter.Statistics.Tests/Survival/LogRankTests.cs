using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Statistics.Tests.Survival;

/// <summary>The log-rank test against R's survdiff (survival 3.5.3), stored by Reference/make-survival-references.R.</summary>
public sealed class LogRankTests
{
    [Theory]
    [InlineData("lung")]
    [InlineData("veteran")]
    [InlineData("ties")]
    [InlineData("censored")]
    public void Agrees_with_survdiff(string set)
    {
        var data = ReferenceData.Read($"data-{set}.csv");
        var reference = ReferenceData.Read($"logrank-{set}.csv");
        var rows = Enumerable.Range(0, data.Count).ToList();
        var result = LogRankTest.Compute(data.Numbers("time", rows), rows.Select(r => data.Number(r, "status") == 1).ToArray(),
            rows.Select(r => data.Text(r, "group")).ToArray());

        AssertR.Close(reference.Number(0, "chisq"), result.ChiSquare, $"{set} chisq");
        Assert.Equal((int)reference.Number(0, "df"), result.DegreesOfFreedom);
        AssertR.Close(reference.Number(0, "p"), result.P, $"{set} p");
        for (var r = 0; r < reference.Count; r++)
        {
            var group = reference.Text(r, "group");
            AssertR.Close(reference.Number(r, "observed"), result.Observed[group], $"{set} observed {group}");
            AssertR.Close(reference.Number(r, "expected"), result.Expected[group], $"{set} expected {group}");
        }
    }

    [Fact]
    public void One_group_is_refused() =>
        Assert.Throws<ArgumentException>(() => LogRankTest.Compute([1, 2], [true, true], ["a", "a"]));
}

/// <summary>The stratified log-rank test against survdiff(... + strata()) (survival 3.5.3): treatment within cell type (veteran), sex within ECOG (lung).</summary>
public sealed class StratifiedLogRankTests
{
    [Theory]
    [InlineData("veteran")]
    [InlineData("lung")]
    public void Agrees_with_survdiff_with_strata(string set)
    {
        var data = ReferenceData.Read($"data-strata-{set}.csv");
        var reference = ReferenceData.Read($"logrank-strata-{set}.csv");
        var rows = Enumerable.Range(0, data.Count).ToList();
        var result = LogRankTest.Compute(data.Numbers("time", rows), rows.Select(r => data.Number(r, "status") == 1).ToArray(),
            rows.Select(r => data.Text(r, "group")).ToArray(), rows.Select(r => data.Text(r, "stratum")).ToArray());
        AssertR.Close(reference.Number(0, "chisq"), result.ChiSquare, $"{set} chisq");
        AssertR.Close(reference.Number(0, "p"), result.P, $"{set} p");
        for (var r = 0; r < reference.Count; r++)
        {
            AssertR.Close(reference.Number(r, "observed"), result.Observed[reference.Text(r, "group")], $"{set} observed");
            AssertR.Close(reference.Number(r, "expected"), result.Expected[reference.Text(r, "group")], $"{set} expected");
        }
        // Stratifying changes the answer: the unstratified test on the same rows differs.
        var plain = LogRankTest.Compute(data.Numbers("time", rows), rows.Select(r => data.Number(r, "status") == 1).ToArray(), rows.Select(r => data.Text(r, "group")).ToArray());
        Assert.NotEqual(result.ChiSquare, plain.ChiSquare, 6);
    }
}
