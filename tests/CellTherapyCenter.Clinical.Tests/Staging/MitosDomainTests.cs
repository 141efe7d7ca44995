using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Staging;

namespace CellTherapyCenter.Clinical.Tests.Staging;

// Source: Chiò et al., J Neurol Neurosurg Psychiatry 2015;86:38-44, Table 1 (ALS-MiToS).
// Walking/self-care lost: item 8 <= 1 OR item 6 <= 1. Swallowing lost: item 3 <= 1.
// Communicating lost: item 1 <= 1 AND item 4 <= 1. Breathing lost: item 10 <= 1 OR item 12 <= 2.
public class MitosDomainTests
{
    private static MitosStage Stage(AlsfrsRResponses r) => MitosStage.Estimate(r) ?? throw new InvalidOperationException("no stage");

    [Theory]
    [InlineData(AlsfrsRItem.Walking, 0, MitosDomain.WalkingSelfCare)]
    [InlineData(AlsfrsRItem.Walking, 1, MitosDomain.WalkingSelfCare)]
    [InlineData(AlsfrsRItem.Walking, 2, MitosDomain.None)]
    [InlineData(AlsfrsRItem.DressingHygiene, 0, MitosDomain.WalkingSelfCare)]
    [InlineData(AlsfrsRItem.DressingHygiene, 1, MitosDomain.WalkingSelfCare)]
    [InlineData(AlsfrsRItem.DressingHygiene, 2, MitosDomain.None)]
    [InlineData(AlsfrsRItem.Swallowing, 0, MitosDomain.Swallowing)]
    [InlineData(AlsfrsRItem.Swallowing, 1, MitosDomain.Swallowing)]
    [InlineData(AlsfrsRItem.Swallowing, 2, MitosDomain.None)]
    [InlineData(AlsfrsRItem.Dyspnea, 0, MitosDomain.Breathing)]
    [InlineData(AlsfrsRItem.Dyspnea, 1, MitosDomain.Breathing)]
    [InlineData(AlsfrsRItem.Dyspnea, 2, MitosDomain.None)]
    [InlineData(AlsfrsRItem.RespiratoryInsufficiency, 0, MitosDomain.Breathing)]
    [InlineData(AlsfrsRItem.RespiratoryInsufficiency, 2, MitosDomain.Breathing)]
    [InlineData(AlsfrsRItem.RespiratoryInsufficiency, 3, MitosDomain.None)]
    public void A_single_item_at_its_boundary(AlsfrsRItem item, int score, MitosDomain expected)
    {
        var m = Stage(AlsfrsRResponses.AllNormal.With(item, score));
        Assert.Equal(expected, m.DomainsLost);
        Assert.Equal(expected == MitosDomain.None ? 0 : 1, m.Stage);
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(0, 0, true)]
    [InlineData(0, 1, true)]
    [InlineData(1, 0, true)]
    [InlineData(0, 2, false)] // no useful speech but can still write: communication kept
    [InlineData(2, 0, false)] // cannot grip pen but speech intelligible: communication kept
    [InlineData(2, 2, false)]
    [InlineData(0, 4, false)]
    [InlineData(4, 0, false)]
    public void Communicating_needs_both_speech_and_handwriting_at_1_or_below(int speech, int handwriting, bool lost)
    {
        var m = Stage(AlsfrsRResponses.AllNormal with { Speech = speech, Handwriting = handwriting });
        Assert.Equal(lost, m.DomainsLost.HasFlag(MitosDomain.Communicating));
        Assert.Equal(lost ? 1 : 0, m.Stage);
    }

    [Theory]
    [InlineData(AlsfrsRItem.Salivation)]
    [InlineData(AlsfrsRItem.CuttingFood)]
    [InlineData(AlsfrsRItem.TurningInBed)]
    [InlineData(AlsfrsRItem.ClimbingStairs)]
    [InlineData(AlsfrsRItem.Orthopnea)]
    public void Items_outside_Table_1_lose_no_domain(AlsfrsRItem item)
    {
        var m = Stage(AlsfrsRResponses.AllNormal.With(item, 0));
        Assert.Equal(MitosDomain.None, m.DomainsLost);
        Assert.Equal(0, m.Stage);
    }

    [Fact]
    public void Item_5b_answered_is_not_itself_a_lost_domain()
    {
        var r = AlsfrsRResponses.AllNormal with { CuttingFood = 0, CuttingFoodVersion = CuttingFoodVersion.WithGastrostomy5b };
        Assert.Equal(0, Stage(r).Stage);
    }
}
