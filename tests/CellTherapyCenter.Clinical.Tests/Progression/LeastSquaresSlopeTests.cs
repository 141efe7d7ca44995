using CellTherapyCenter.Clinical.Progression;

namespace CellTherapyCenter.Clinical.Tests.Progression;

// Source: ordinary least-squares slope of the ALSFRS-R total against time, in points per month of
// 30.4375 days (staging.md, "Progression rate"); ΔFRS per Kimura et al., Neurology 2006;66:265-7.
public class LeastSquaresSlopeTests
{
    private static readonly DateOnly Start = new(2023, 3, 15);

    private static (DateOnly, double) P(int day, double total) => (Start.AddDays(day), total);

    [Fact]
    public void Hand_computed_four_point_example()
    {
        // days 0, 30, 60, 90; totals 40, 38, 37, 33. Mean day 45, mean total 37.
        // Sxy = (-45)(3) + (-15)(1) + (15)(0) + (45)(-4) = -330; Sxx = 2025 + 225 + 225 + 2025 = 4500.
        // Slope = -330 / 4500 points/day = -0.0733... ; x 30.4375 = -2.2320833... points/month.
        var slope = ProgressionRate.LeastSquaresSlope([P(0, 40), P(30, 38), P(60, 37), P(90, 33)]);
        Assert.Equal(-330.0 / 4500.0 * 30.4375, slope!.Value, 10);
        Assert.Equal(-2.2320833333, slope.Value, 9);
    }

    [Fact]
    public void Two_points_give_the_difference_over_months()
    {
        // 1461 days = 48 months; 48 -> 36 is -12 / 48 = -0.25 points/month.
        Assert.Equal(-0.25, ProgressionRate.LeastSquaresSlope([P(0, 48), P(1461, 36)])!.Value, 12);
    }

    [Fact]
    public void Order_of_the_points_does_not_matter()
    {
        var ordered = ProgressionRate.LeastSquaresSlope([P(0, 40), P(30, 38), P(60, 37), P(90, 33)]);
        var shuffled = ProgressionRate.LeastSquaresSlope([P(60, 37), P(0, 40), P(90, 33), P(30, 38)]);
        Assert.Equal(ordered!.Value, shuffled!.Value, 12);
    }

    [Fact]
    public void Improvement_gives_a_positive_slope_and_a_flat_course_gives_zero()
    {
        Assert.True(ProgressionRate.LeastSquaresSlope([P(0, 30), P(61, 32)]) > 0);
        Assert.Equal(0.0, ProgressionRate.LeastSquaresSlope([P(0, 30), P(61, 30), P(200, 30)])!.Value, 12);
    }

    [Fact]
    public void Repeated_days_are_allowed_when_there_is_spread()
    {
        // Days 0, 0, 487 (16 months); totals 40, 42, 33: mean of day 0 is 41, so slope = (33 - 41) / 16 = -0.5.
        Assert.Equal(-0.5, ProgressionRate.LeastSquaresSlope([P(0, 40), P(0, 42), P(487, 33)])!.Value, 12);
    }

    [Fact]
    public void Fewer_than_two_points_give_no_slope()
    {
        Assert.Null(ProgressionRate.LeastSquaresSlope([]));
        Assert.Null(ProgressionRate.LeastSquaresSlope([P(0, 40)]));
    }

    [Fact]
    public void Points_all_on_one_day_give_no_slope()
    {
        Assert.Null(ProgressionRate.LeastSquaresSlope([P(10, 40), P(10, 35), P(10, 30)]));
    }

    [Fact]
    public void Null_points_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ProgressionRate.LeastSquaresSlope(null!));
    }
}
