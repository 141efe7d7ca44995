using CellTherapyCenter.Statistics.MixedModels;

namespace CellTherapyCenter.Statistics.Tests.MixedModels;

public sealed class SlopeTests
{
    [Fact]
    public void Per_patient_slopes_agree_with_lm()
    {
        var input = ReferenceData.Read("data-alsfrs-lmm.csv");
        var rows = Enumerable.Range(0, input.Count).ToArray();
        var slopes = LeastSquaresSlope.PerSubject(rows.Select(r => input.Text(r, "patient")).ToArray(), input.Numbers("months", rows), input.Numbers("alsfrs", rows));
        var r = ReferenceData.Read("lmm-alsfrs-slopes.csv");
        Assert.Equal(r.Count, slopes.Values.Count(s => s is not null));
        for (var i = 0; i < r.Count; i++)
        {
            var fit = slopes[r.Text(i, "patient")]!;
            Assert.Equal((int)r.Number(i, "visits"), fit.Visits);
            AssertR.Close(r.Number(i, "intercept"), fit.Intercept, $"{r.Text(i, "patient")} intercept");
            AssertR.Close(r.Number(i, "slope"), fit.Slope, $"{r.Text(i, "patient")} slope");
        }
        Assert.All(slopes.Where(s => s.Value is null), s => Assert.Single(rows, row => input.Text(row, "patient") == s.Key));
    }

    [Fact]
    public void No_slope_without_two_distinct_times()
    {
        Assert.Null(LeastSquaresSlope.Fit([3.0], [40.0]));
        Assert.Null(LeastSquaresSlope.Fit([3.0, 3.0], [40.0, 39.0]));
    }

    [Fact]
    public void Treatment_day_visit_is_the_baseline_before()
    {
        // Declining 1 point/month until month 6 (treated that day), then flat.
        double[] time = [0, 2, 4, 6, 8, 10];
        double[] score = [44, 42, 40, 38, 38, 38];
        var split = TreatmentSlopes.Split(time, score, treatmentTime: 6);
        Assert.Equal(4, split.Before!.Visits);
        Assert.Equal(-1.0, split.Before.Slope, 12);
        Assert.Equal(2, split.After!.Visits);
        Assert.Equal(0.0, split.After.Slope, 12);
        Assert.Equal(1.0, split.Change!.Value, 12);
        Assert.False(split.Responded());
        Assert.True(split.Responded(threshold: 1.0));
    }

    [Fact]
    public void A_side_with_one_visit_has_no_slope_and_no_change()
    {
        var split = TreatmentSlopes.Split([0.0, 3, 6, 9], [44.0, 41, 38, 38], treatmentTime: 6);
        Assert.NotNull(split.Before);
        Assert.Null(split.After);
        Assert.Null(split.Change);
        Assert.Null(split.Responded());
    }
}
