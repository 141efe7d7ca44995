using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Staging;

namespace CellTherapyCenter.Clinical.Tests.Staging;

// Source: Balendra et al., Amyotroph Lateral Scler Frontotemporal Degener 2014;15:279-84
// (stages 1, 2, 3, 4A, 4B; stage 5 = death); required items 1-5, 8, 10, 12.
public class KingsStageCodeTests
{
    [Theory]
    [InlineData(KingsStageValue.Stage1, "1")]
    [InlineData(KingsStageValue.Stage2, "2")]
    [InlineData(KingsStageValue.Stage3, "3")]
    [InlineData(KingsStageValue.Stage4A, "4A")]
    [InlineData(KingsStageValue.Stage4B, "4B")]
    [InlineData(KingsStageValue.Stage5, "5")]
    public void Codes_round_trip(KingsStageValue stage, string code)
    {
        Assert.Equal(code, KingsStage.ToCode(stage));
        Assert.Equal(stage, KingsStage.FromCode(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("4a")]
    [InlineData("0")]
    [InlineData("6")]
    public void Unknown_codes_give_null(string? code)
    {
        Assert.Null(KingsStage.FromCode(code));
    }

    [Fact]
    public void ToCode_rejects_an_unknown_stage()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KingsStage.ToCode((KingsStageValue)42));
    }

    [Fact]
    public void Deceased_is_stage_5()
    {
        Assert.Equal(KingsStageValue.Stage5, KingsStage.Deceased.Stage);
        Assert.Equal("5", KingsStage.Deceased.Code);
    }

    [Fact]
    public void Required_items_are_1_to_5_8_10_and_12()
    {
        Assert.Equal([1, 2, 3, 4, 5, 8, 10, 12], KingsStage.RequiredItems.Select(i => (int)i).Order());
    }

    [Theory]
    [InlineData(AlsfrsRItem.Speech)]
    [InlineData(AlsfrsRItem.Salivation)]
    [InlineData(AlsfrsRItem.Swallowing)]
    [InlineData(AlsfrsRItem.Handwriting)]
    [InlineData(AlsfrsRItem.CuttingFood)]
    [InlineData(AlsfrsRItem.Walking)]
    [InlineData(AlsfrsRItem.Dyspnea)]
    [InlineData(AlsfrsRItem.RespiratoryInsufficiency)]
    public void A_missing_required_item_gives_no_stage(AlsfrsRItem item)
    {
        Assert.Null(KingsStage.Estimate(AlsfrsRResponses.AllNormal.With(item, null)));
    }

    [Theory]
    [InlineData(AlsfrsRItem.DressingHygiene)]
    [InlineData(AlsfrsRItem.TurningInBed)]
    [InlineData(AlsfrsRItem.ClimbingStairs)]
    [InlineData(AlsfrsRItem.Orthopnea)]
    public void A_missing_unused_item_still_gives_a_stage(AlsfrsRItem item)
    {
        Assert.NotNull(KingsStage.Estimate(AlsfrsRResponses.AllNormal.With(item, null)));
    }

    [Fact]
    public void Estimate_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => KingsStage.Estimate(null!));
    }
}
