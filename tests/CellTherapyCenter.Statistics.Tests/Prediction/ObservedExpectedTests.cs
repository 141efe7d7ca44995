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
        var expected = Math.Log(prediction.Survival(11) / prediction.Survival(35)) + Math.Log(prediction.Survival(11) / prediction.Survival(20));
        Assert.Equal((2, 1), (oe.Included, oe.Observed));
        Assert.Equal(expected, oe.Expected, 12);
        Assert.Equal(1 / expected, oe.Ratio, 12);
        Assert.Equal(3, oe.Excluded);
        Assert.Equal(2, oe.Exclusions["not predictable: FVC missing"]);
        Assert.Equal(1, oe.Exclusions["not predictable: C9orf72 status missing"]);
        Assert.True(oe.Lower < oe.Ratio && oe.Ratio < oe.Upper);
    }

    [Fact]
    public void Patients_who_follow_the_model_have_observed_close_to_expected()
    {
        // 4,000 patients whose event times are drawn from the ENCALS curve itself, entering event-free
        // 11 months after onset and followed for at most 36 months: O/E must be near 1. (Summing
        // 1 − S(exit)/S(entry) instead of the cumulative hazard gives about 0.7 here.)
        var typical = new EncalsPredictors(60, 11, 0.5, 90, false, false, false, false);
        var prediction = EncalsPrediction.For(typical);
        var random = new Random(42);
        var patients = new List<FollowUp>();
        for (var i = 0; i < 4000; i++)
        {
            var target = random.NextDouble() * prediction.Survival(11);
            double low = 11, high = 11 + 36;
            if (prediction.Survival(high) > target) { patients.Add(new FollowUp(typical, 11, high, false)); continue; }
            for (var k = 0; k < 60; k++) { var mid = (low + high) / 2; if (prediction.Survival(mid) > target) low = mid; else high = mid; }
            patients.Add(new FollowUp(typical, 11, high, true));
        }

        var oe = ObservedExpected.Compute(patients);

        Assert.InRange(oe.Ratio, 0.95, 1.05);
        Assert.True(oe.Lower < 1 && 1 < oe.Upper);
    }
}
