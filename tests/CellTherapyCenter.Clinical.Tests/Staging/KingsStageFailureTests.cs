using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Staging;

namespace CellTherapyCenter.Clinical.Tests.Staging;

// Source: Balendra et al., Amyotroph Lateral Scler Frontotemporal Degener 2014;15:279-84
// (King's staging from the ALSFRS-R): 4A = gastrostomy (item 5b used); 4B = item 10 (dyspnea) = 0
// or item 12 (respiratory insufficiency) < 4; where both hold, 4B is reported and both flags kept.
public class KingsStageFailureTests
{
    private static KingsStage Stage(AlsfrsRResponses r) => KingsStage.Estimate(r) ?? throw new InvalidOperationException("no stage");

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void Dyspnea_0_and_only_0_gives_stage_4B(int dyspnea, bool respiratoryFailure)
    {
        var k = Stage(AlsfrsRResponses.AllNormal with { Dyspnea = dyspnea });
        Assert.Equal(respiratoryFailure, k.RespiratoryFailure);
        Assert.Equal(respiratoryFailure ? KingsStageValue.Stage4B : KingsStageValue.Stage1, k.Stage);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Respiratory_insufficiency_below_4_gives_stage_4B(int item12, bool respiratoryFailure)
    {
        var k = Stage(AlsfrsRResponses.AllNormal with { RespiratoryInsufficiency = item12 });
        Assert.Equal(respiratoryFailure, k.RespiratoryFailure);
        Assert.Equal(respiratoryFailure ? KingsStageValue.Stage4B : KingsStageValue.Stage1, k.Stage);
    }

    [Theory]
    [InlineData(AlsfrsRItem.Orthopnea)]
    [InlineData(AlsfrsRItem.Swallowing)]
    public void Other_low_items_do_not_give_respiratory_failure(AlsfrsRItem item)
    {
        var k = Stage(AlsfrsRResponses.AllNormal.With(item, 0));
        Assert.False(k.RespiratoryFailure);
        Assert.NotEqual(KingsStageValue.Stage4B, k.Stage);
    }

    [Fact]
    public void Item_5b_gives_stage_4A()
    {
        var k = Stage(AlsfrsRResponses.AllNormal with { CuttingFoodVersion = CuttingFoodVersion.WithGastrostomy5b });
        Assert.Equal(KingsStageValue.Stage4A, k.Stage);
        Assert.True(k.NutritionalFailure);
        Assert.False(k.RespiratoryFailure);
    }

    [Fact]
    public void Item_5a_is_not_nutritional_failure_even_with_low_swallowing()
    {
        var k = Stage(AlsfrsRResponses.AllNormal with { Swallowing = 0, CuttingFood = 0 });
        Assert.False(k.NutritionalFailure);
        Assert.Equal(KingsStageValue.Stage2, k.Stage);
    }

    [Fact]
    public void Stage_4A_outranks_three_regions()
    {
        var r = AlsfrsRResponses.FromScores(3, 4, 4, 3, 4, 4, 4, 3, 4, 4, 4, 4, CuttingFoodVersion.WithGastrostomy5b);
        var k = Stage(r);
        Assert.Equal(KingsStageValue.Stage4A, k.Stage);
        Assert.Equal(3, k.RegionsInvolved);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(4, 3)]
    [InlineData(0, 0)]
    public void Both_4A_and_4B_report_4B_and_keep_both_flags(int dyspnea, int item12)
    {
        var r = AlsfrsRResponses.AllNormal with
        {
            CuttingFoodVersion = CuttingFoodVersion.WithGastrostomy5b,
            Dyspnea = dyspnea,
            RespiratoryInsufficiency = item12,
        };
        var k = Stage(r);
        Assert.Equal(KingsStageValue.Stage4B, k.Stage);
        Assert.True(k.NutritionalFailure);
        Assert.True(k.RespiratoryFailure);
        Assert.Equal("4B", k.Code);
    }
}
