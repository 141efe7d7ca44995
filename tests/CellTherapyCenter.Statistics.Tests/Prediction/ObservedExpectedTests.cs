using CellTherapyCenter.Statistics.Prediction;

namespace CellTherapyCenter.Statistics.Tests.Prediction;

public sealed class ObservedExpectedTests
{
    [Fact]
    public void Interval_agrees_with_poisson_test()
    {
        var r = ReferenceData.Read("poisson-oe.csv");
        for (var i = 0; i < r.Count; i++)
        {
            var (lower, upper) = ObservedExpected.PoissonRatioInterval((int)r.Number(i, "observed"), r.Number(i, "expected"));
            AssertR.Close(r.Number(i, "lower"), lower, $"lower {i}");
            AssertR.Close(r.Number(i, "upper"), upper, $"upper {i}");
        }
    }

    [Fact]
    public void Expected_events_are_conditional_on_being_event_free_at_entry_and_exclusions_are_counted()
    {
        var typical = new EncalsPredictors(60, 11, 0.5, 90, false, false, false, false);
        var prediction = EncalsPrediction.For(typical);
        FollowUp[] patients =
        [
            new(typical, 11, 35, true),
            new(typical, 11, 20, false),
            new(typical with { FvcPercentPredicted = null }, 11, 30, true),
            new(typical with { FvcPercentPredicted = null }, 11, 30, false),
            new(typical with { C9orf72 = null }, 11, 30, true),
        ];
        var oe = ObservedExpected.Compute(patients);
        var expected = (1 - prediction.Survival(35) / prediction.Survival(11)) + (1 - prediction.Survival(20) / prediction.Survival(11));
        Assert.Equal((2, 1), (oe.Included, oe.Observed));
        Assert.Equal(expected, oe.Expected, 12);
        Assert.Equal(1 / expected, oe.Ratio, 12);
        Assert.Equal(3, oe.Excluded);
        Assert.Equal(2, oe.Exclusions["not predictable: FVC missing"]);
        Assert.Equal(1, oe.Exclusions["not predictable: C9orf72 status missing"]);
        Assert.True(oe.Lower < oe.Ratio && oe.Ratio < oe.Upper);
    }
}
