using CellTherapyCenter.Web.Features.Analytics.Plots;

namespace CellTherapyCenter.Web.Tests.Analytics;

public sealed class MonthTicksTests
{
    [Fact]
    public void Ticks_take_the_smallest_round_step_that_keeps_them_few()
    {
        Assert.Equal([0.0, 6, 12, 18, 24, 30], MonthTicks.Between(0, 30));    // 3-month steps would give 11
        Assert.Equal([0.0, 12, 24, 36, 48], MonthTicks.Between(0, 55));       // 6-month steps would give 10
        Assert.Equal([0.0, 1, 2, 3, 4, 5, 6, 7, 8], MonthTicks.Between(0, 8.5));
    }

    [Fact]
    public void Ticks_before_the_first_course_are_multiples_of_the_step_too() =>
        Assert.Equal([-6.0, 0, 6, 12, 18, 24, 30, 36], MonthTicks.Between(-11.9, 36, maxTicks: 11));

    // Ceiling(-0.25) is -0, which would be labelled "-0".
    [Fact]
    public void Zero_is_never_negative_zero() =>
        Assert.False(double.IsNegative(MonthTicks.Between(-0.5, 10)[0]));
}
