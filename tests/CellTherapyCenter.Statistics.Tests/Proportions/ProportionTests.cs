using CellTherapyCenter.Statistics.Proportions;

namespace CellTherapyCenter.Statistics.Tests.Proportions;

/// <summary>Against R 4.2.2's prop.test(correct = FALSE) and t.test(paired = TRUE), stored by Reference/make-proportion-references.R.</summary>
public sealed class ProportionTests
{
    [Fact]
    public void Wilson_intervals_agree_with_prop_test()
    {
        var reference = ReferenceData.Read("wilson.csv");
        for (var r = 0; r < reference.Count; r++)
        {
            var x = (int)reference.Number(r, "x");
            var n = (int)reference.Number(r, "n");
            var wilson = Proportion.Wilson(x, n);
            AssertR.Close(reference.Number(r, "lower"), wilson.Lower, $"{x}/{n} lower");
            AssertR.Close(reference.Number(r, "upper"), wilson.Upper, $"{x}/{n} upper");
            Assert.Equal((double)x / n, wilson.Estimate);
        }
    }

    [Fact]
    public void The_clinics_own_series_42_of_62() // clinic.md: 67% reported early improvement
    {
        var p = Proportion.Wilson(42, 62);
        Assert.Equal(0.677, p.Estimate, 3);
        Assert.InRange(p.Lower, 0.55, 0.56);
    }

    [Fact]
    public void Impossible_counts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Wilson(3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Wilson(5, 4));
    }

    [Fact]
    public void Paired_difference_agrees_with_paired_t_test()
    {
        var data = ReferenceData.Read("data-paired.csv");
        var rows = Enumerable.Range(0, data.Count).ToList();
        var result = PairedDifference.Of(data.Numbers("before", rows), data.Numbers("after", rows));
        var r = ReferenceData.Read("paired.csv");
        AssertR.Close(r.Number(0, "mean"), result.Mean, "mean");
        AssertR.Close(r.Number(0, "lower"), result.Lower, "lower");
        AssertR.Close(r.Number(0, "upper"), result.Upper, "upper");
        AssertR.Close(r.Number(0, "t"), result.T, "t");
        AssertR.Close(r.Number(0, "p"), result.P, "p");
        Assert.Equal((int)r.Number(0, "df"), result.DegreesOfFreedom);
    }
}
