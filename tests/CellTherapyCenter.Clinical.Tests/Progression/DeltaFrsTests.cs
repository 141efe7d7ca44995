using CellTherapyCenter.Clinical.Progression;

namespace CellTherapyCenter.Clinical.Tests.Progression;

// Source: Kimura et al., Neurology 2006;66:265-7: ΔFRS = (48 - ALSFRS-R total) / months from
// symptom onset. Month = 30.4375 days (365.25 / 12). Cut-offs: < 0.5 slow, 0.5-1.0 intermediate,
// >= 1.0 fast (staging.md).
public class DeltaFrsTests
{
    private static readonly DateOnly Onset = new(2020, 1, 1);

    [Fact]
    public void A_month_is_30_4375_days()
    {
        Assert.Equal(30.4375, ClinicalMonth.Days);
        Assert.Equal(48, ProgressionRate.MaximumTotal);
        // 2020-01-01 to 2024-01-01 is 1461 days = exactly 48 months of 30.4375 days.
        Assert.Equal(48.0, ClinicalMonth.Between(Onset, new DateOnly(2024, 1, 1)), 12);
        Assert.Equal(16.0, ClinicalMonth.Between(Onset, Onset.AddDays(487)), 12);
        Assert.Equal(-16.0, ClinicalMonth.Between(Onset.AddDays(487), Onset), 12);
    }

    [Theory]
    [InlineData(48, 0.0)]
    [InlineData(41, 0.4375)]
    [InlineData(40, 0.5)]
    [InlineData(36, 0.75)]
    [InlineData(32, 1.0)]
    [InlineData(0, 3.0)]
    public void DeltaFrs_over_16_months_of_487_days(int total, double expected)
    {
        Assert.Equal(expected, ProgressionRate.DeltaFrs(total, Onset, Onset.AddDays(487))!.Value, 12);
    }

    [Fact]
    public void DeltaFrs_uses_the_30_4375_day_month_not_30_days()
    {
        // 12 points lost over 365 days: 12 / (365 / 30.4375) = 1.000685 (a 30-day month would give 0.9863).
        var d = ProgressionRate.DeltaFrs(36, Onset, Onset.AddDays(365))!.Value;
        Assert.Equal(12 * 30.4375 / 365, d, 12);
        Assert.Equal(ProgressionCategory.Fast, ProgressionRate.Categorise(d));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-400)]
    public void DeltaFrs_is_undefined_when_the_assessment_is_not_after_onset(int days)
    {
        Assert.Null(ProgressionRate.DeltaFrs(40, Onset, Onset.AddDays(days)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(49)]
    public void DeltaFrs_rejects_totals_outside_0_to_48(int total)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProgressionRate.DeltaFrs(total, Onset, Onset.AddDays(100)));
    }

    [Theory]
    [InlineData(0.0, ProgressionCategory.Slow)]
    [InlineData(0.4999, ProgressionCategory.Slow)]
    [InlineData(0.5, ProgressionCategory.Intermediate)]
    [InlineData(0.75, ProgressionCategory.Intermediate)]
    [InlineData(0.9999, ProgressionCategory.Intermediate)]
    [InlineData(1.0, ProgressionCategory.Fast)]
    [InlineData(2.5, ProgressionCategory.Fast)]
    public void Categories_have_cut_offs_exactly_at_0_5_and_1_0(double deltaFrs, ProgressionCategory expected)
    {
        Assert.Equal(expected, ProgressionRate.Categorise(deltaFrs));
    }

    [Theory]
    [InlineData(41, ProgressionCategory.Slow)]
    [InlineData(40, ProgressionCategory.Intermediate)]
    [InlineData(33, ProgressionCategory.Intermediate)]
    [InlineData(32, ProgressionCategory.Fast)]
    public void Computed_rates_fall_on_the_right_side_of_each_cut_off(int total, ProgressionCategory expected)
    {
        var d = ProgressionRate.DeltaFrs(total, Onset, Onset.AddDays(487))!.Value;
        Assert.Equal(expected, ProgressionRate.Categorise(d));
    }
}
