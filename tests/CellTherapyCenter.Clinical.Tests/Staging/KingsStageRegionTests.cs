using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Staging;

namespace CellTherapyCenter.Clinical.Tests.Staging;

// Source: Balendra et al., Amyotroph Lateral Scler Frontotemporal Degener 2014;15:279-84.
// Regions: bulbar if any of items 1, 2, 3 < 4; upper limb if item 4 or item 5a < 4; lower limb if
// item 8 < 4. Stages 1-3 = regions involved. Clinic rule (staging.md): no region -> stage 1, flagged.
public class KingsStageRegionTests
{
    private static KingsStage Stage(AlsfrsRResponses r) => KingsStage.Estimate(r) ?? throw new InvalidOperationException("no stage");

    [Theory]
    [InlineData(AlsfrsRItem.Speech)]
    [InlineData(AlsfrsRItem.Salivation)]
    [InlineData(AlsfrsRItem.Swallowing)]
    [InlineData(AlsfrsRItem.Handwriting)]
    [InlineData(AlsfrsRItem.CuttingFood)]
    [InlineData(AlsfrsRItem.Walking)]
    public void Each_region_item_at_3_involves_one_region(AlsfrsRItem item)
    {
        var k = Stage(AlsfrsRResponses.AllNormal.With(item, 3));
        Assert.Equal(1, k.RegionsInvolved);
        Assert.Equal(KingsStageValue.Stage1, k.Stage);
        Assert.False(k.NoRegionInvolved);
    }

    [Theory]
    [InlineData(AlsfrsRItem.DressingHygiene)]
    [InlineData(AlsfrsRItem.TurningInBed)]
    [InlineData(AlsfrsRItem.ClimbingStairs)]
    [InlineData(AlsfrsRItem.Orthopnea)]
    public void Items_outside_the_region_rules_involve_no_region(AlsfrsRItem item)
    {
        var k = Stage(AlsfrsRResponses.AllNormal.With(item, 0));
        Assert.Equal(0, k.RegionsInvolved);
    }

    [Fact]
    public void No_region_involved_gives_stage_1_with_the_flag_and_a_count_of_0()
    {
        var k = Stage(AlsfrsRResponses.AllNormal);
        Assert.Equal(KingsStageValue.Stage1, k.Stage);
        Assert.Equal(0, k.RegionsInvolved);
        Assert.True(k.NoRegionInvolved);
        Assert.False(k.NutritionalFailure);
        Assert.False(k.RespiratoryFailure);
    }

    [Fact]
    public void Item_5b_below_4_does_not_count_for_the_upper_limb()
    {
        var r = AlsfrsRResponses.AllNormal with { CuttingFood = 0, CuttingFoodVersion = CuttingFoodVersion.WithGastrostomy5b };
        Assert.Equal(0, Stage(r).RegionsInvolved);
    }

    [Fact]
    public void Handwriting_still_counts_for_the_upper_limb_with_5b()
    {
        var r = AlsfrsRResponses.AllNormal with { Handwriting = 3, CuttingFoodVersion = CuttingFoodVersion.WithGastrostomy5b };
        Assert.Equal(1, Stage(r).RegionsInvolved);
    }

    [Theory]
    [InlineData(3, 3, 3, 4, 4, 4, 1)] // three bulbar items, still one region
    [InlineData(4, 4, 4, 2, 1, 4, 1)] // handwriting and 5a, one region
    [InlineData(2, 4, 4, 3, 4, 4, 2)] // bulbar + upper limb
    [InlineData(4, 4, 1, 4, 4, 0, 2)] // bulbar + lower limb
    [InlineData(4, 4, 4, 4, 3, 2, 2)] // upper + lower limb
    [InlineData(4, 3, 4, 4, 2, 3, 3)] // all three
    public void Regions_are_counted_once_each_and_give_stages_1_to_3(
        int speech, int salivation, int swallowing, int handwriting, int cutting, int walking, int expectedRegions)
    {
        var r = AlsfrsRResponses.FromScores(speech, salivation, swallowing, handwriting, cutting, 4, 4, walking, 4, 4, 4, 4);
        var k = Stage(r);
        Assert.Equal(expectedRegions, k.RegionsInvolved);
        Assert.Equal((KingsStageValue)(expectedRegions - 1), k.Stage);
        Assert.Equal(expectedRegions.ToString(System.Globalization.CultureInfo.InvariantCulture), k.Code);
    }
}
