using CellTherapyCenter.Statistics.Prediction;

namespace CellTherapyCenter.Statistics.Tests.Prediction;

public sealed class EncalsTests
{
    /// <summary>encals.md's typical patient: age 60, delay 11 months, ΔFRS 0.5, FVC 90%, spinal, not definite, no FTD, no C9orf72.</summary>
    private static readonly EncalsPredictors Typical = new(60, 11, 0.5, 90, false, false, false, false);

    [Fact]
    public void Linear_predictor_of_the_typical_patient_by_hand()
    {
        var expected = -0.267 * Math.Pow(0.6, -2)
            - 2.373 * (Math.Pow(1.1, -0.5) + Math.Log(1.1))
            - 1.837 * Math.Pow(0.6, -0.5)
            + 0.477 * (1 / 0.9 + Math.Pow(0.9, -0.5));
        Assert.Equal(expected, EncalsPrediction.For(Typical).LinearPredictor!.Value, 12);
        Assert.Equal(-4.569, expected, 3);
    }

    [Fact]
    public void Typical_median_from_onset_lies_in_30_to_45_months()
    {
        var prediction = EncalsPrediction.For(Typical);
        var median = prediction.MedianMonthsFromOnset;
        Assert.InRange(median, 30, 45);
        Assert.Equal(36.92, median, 0.01);
        Assert.Equal(0.5, prediction.Survival(median), 9);
        // Time origin: the spline's time is months since onset. Read as months since diagnosis,
        // the same patient's median from onset would be delay + median, outside the range.
        Assert.False(11 + median is >= 30 and <= 45, $"median {median:F1}");
    }

    [Theory]
    [InlineData(60, 11, 0.5, 90, false, false, false, false)]
    [InlineData(75, 4, 2.0, 55, true, true, true, true)]
    [InlineData(35, 40, 0.1, 110, false, false, false, false)]
    public void Survival_falls_monotonically_from_1(double age, double delay, double dfrs, double fvc, bool bulbar, bool definite, bool ftd, bool c9)
    {
        var prediction = EncalsPrediction.For(new EncalsPredictors(age, delay, dfrs, fvc, bulbar, definite, ftd, c9));
        Assert.Equal(1.0, prediction.Survival(0));
        var previous = 1.0;
        for (var t = 0.25; t <= 600; t += 0.25)
        {
            var s = prediction.Survival(t);
            Assert.True(s < previous, $"S({t}) = {s} is not below {previous}");
            previous = s;
        }
        Assert.InRange(prediction.MedianMonthsFromOnset, 6, 600);
    }

    [Fact]
    public void Spline_is_linear_beyond_the_boundary_knots()
    {
        // The standard basis cancels the cubic and quadratic terms past k_max; the public
        // implementation's uncubed upper term would leave a curvature there.
        static double SecondDifference(double x) => EncalsModel.Spline(x + 0.5) - 2 * EncalsModel.Spline(x) + EncalsModel.Spline(x - 0.5);
        Assert.Equal(0, SecondDifference(6.6), 9);
        Assert.Equal(0, SecondDifference(-1), 9);
        Assert.NotEqual(0, SecondDifference(3.4), 3);
    }

    [Fact]
    public void Missing_predictors_are_named_not_imputed()
    {
        var fvc = EncalsPrediction.For(Typical with { FvcPercentPredicted = null });
        Assert.False(fvc.IsPredictable);
        Assert.Equal("not predictable: FVC missing", fvc.NotPredictableReason);
        Assert.Equal("not predictable: ΔFRS, C9orf72 status missing",
            EncalsPrediction.For(Typical with { DeltaFrs = null, C9orf72 = null }).NotPredictableReason);
        Assert.Equal("not predictable: diagnostic delay must be positive",
            EncalsPrediction.For(Typical with { DiagnosticDelayMonths = 0 }).NotPredictableReason);
        Assert.Throws<InvalidOperationException>(() => fvc.Survival(12));
    }

    [Fact]
    public void Delta_frs_from_the_total_at_diagnosis()
    {
        Assert.Equal(0.5, EncalsPredictors.DeltaFrsAtDiagnosis(43, 10), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => EncalsPredictors.DeltaFrsAtDiagnosis(49, 10));
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(0.0)]
    [InlineData(2.5)]
    public void Survival_is_proportional_odds_on_the_baseline_odds(double linearPredictor)
    {
        foreach (var months in new[] { 0, 1e-3, 0.5, 1.1, 12, 22.4, 37.9, 120, 371, 600 })
        {
            var fromOdds = 1 / (1 + EncalsModel.BaselineOdds(months) * Math.Exp(linearPredictor));
            Assert.Equal(EncalsModel.Survival(months, linearPredictor), fromOdds, 1e-13);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => EncalsModel.BaselineOdds(-1));
    }
}
