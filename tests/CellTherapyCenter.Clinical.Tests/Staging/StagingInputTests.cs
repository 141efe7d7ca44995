using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Staging;

namespace CellTherapyCenter.Clinical.Tests.Staging;

// Source: Cedarbaum et al., J Neurol Sci 1999;169:13-21 (items are scored 0-4). A stage read from an
// impossible answer would look normal, so both staging rules refuse it rather than guess.
public sealed class StagingInputTests
{
    [Theory]
    [InlineData(AlsfrsRItem.Speech, 7)]
    [InlineData(AlsfrsRItem.RespiratoryInsufficiency, -1)]
    [InlineData(AlsfrsRItem.Orthopnea, 5)]
    public void Out_of_range_answers_are_refused_by_both_stagings(AlsfrsRItem item, int score)
    {
        var responses = AlsfrsRResponses.AllNormal.With(item, score);
        Assert.Throws<ArgumentOutOfRangeException>(() => KingsStage.Estimate(responses));
        Assert.Throws<ArgumentOutOfRangeException>(() => MitosStage.Estimate(responses));
    }

    [Fact]
    public void No_region_flag_belongs_to_stage_1_only()
    {
        // Respiratory failure with no limb or bulbar item below 4: stage 4B, and not "stage 1 with no region".
        var k = KingsStage.Estimate(AlsfrsRResponses.AllNormal.With(AlsfrsRItem.RespiratoryInsufficiency, 3))!;
        Assert.Equal(KingsStageValue.Stage4B, k.Stage);
        Assert.Equal(0, k.RegionsInvolved);
        Assert.False(k.NoRegionInvolved);
        Assert.False(KingsStage.Deceased.NoRegionInvolved);
    }
}
