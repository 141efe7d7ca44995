using CellTherapyCenter.Clinical.DataQuality;

namespace CellTherapyCenter.Clinical.Tests.DataQuality;

public sealed class RangeRulesTests
{
    [Theory]
    [InlineData(0, RangeVerdict.Usual)]
    [InlineData(150, RangeVerdict.Usual)]
    [InlineData(150.1, RangeVerdict.Unusual)]
    [InlineData(200, RangeVerdict.Unusual)]
    [InlineData(200.1, RangeVerdict.Impossible)]
    [InlineData(-1, RangeVerdict.Impossible)]
    public void Fvc_above_150_percent_is_unusual_and_beyond_0_to_200_impossible(double value, RangeVerdict expected) =>
        Assert.Equal(expected, RangeRules.FvcPercentPredicted.Check(value));

    [Theory]
    [InlineData(19.9, RangeVerdict.Impossible)]
    [InlineData(20, RangeVerdict.Unusual)]
    [InlineData(29.9, RangeVerdict.Unusual)]
    [InlineData(30, RangeVerdict.Usual)]
    [InlineData(200, RangeVerdict.Usual)]
    [InlineData(200.5, RangeVerdict.Unusual)]
    [InlineData(300.1, RangeVerdict.Impossible)]
    public void Weight_under_30_or_over_200_kg_is_unusual_and_beyond_20_to_300_impossible(double value, RangeVerdict expected) =>
        Assert.Equal(expected, RangeRules.WeightKg.Check(value));

    [Fact]
    public void The_messages_name_the_limits()
    {
        Assert.Equal("FVC must be between 0 and 200 % of predicted.", RangeRules.FvcPercentPredicted.HardMessage);
        Assert.StartsWith("Weight 25 kg is below the usual range (30 to 200 kg).", RangeRules.WeightKg.SoftMessage(25), StringComparison.Ordinal);
        Assert.StartsWith("FVC 160 % of predicted is above the usual range (up to 150 % of predicted).", RangeRules.FvcPercentPredicted.SoftMessage(160), StringComparison.Ordinal);
    }

    [Fact]
    public void A_visit_before_the_diagnosis_is_flagged_and_one_without_a_diagnosis_date_is_not()
    {
        Assert.True(RangeRules.IsBeforeDiagnosis(new DateOnly(2024, 8, 31), new DateOnly(2024, 9, 1)));
        Assert.False(RangeRules.IsBeforeDiagnosis(new DateOnly(2024, 9, 1), new DateOnly(2024, 9, 1)));
        Assert.False(RangeRules.IsBeforeDiagnosis(new DateOnly(2024, 8, 1), null));
    }
}
