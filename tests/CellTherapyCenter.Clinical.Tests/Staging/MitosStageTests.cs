using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Staging;

namespace CellTherapyCenter.Clinical.Tests.Staging;

// Source: Chiò et al., J Neurol Neurosurg Psychiatry 2015;86:38-44, Table 1: stage = number of
// domains lost (0-4), stage 5 = death.
public class MitosStageTests
{
    private static MitosStage Stage(AlsfrsRResponses r) => MitosStage.Estimate(r) ?? throw new InvalidOperationException("no stage");

    [Fact]
    public void Normal_function_is_stage_0()
    {
        var m = Stage(AlsfrsRResponses.AllNormal);
        Assert.Equal(0, m.Stage);
        Assert.Equal(MitosDomain.None, m.DomainsLost);
    }

    [Fact]
    public void Functional_involvement_without_loss_of_independence_is_stage_0()
    {
        // Every Table 1 item just above its threshold.
        var r = AlsfrsRResponses.FromScores(2, 0, 2, 2, 0, 2, 0, 2, 0, 2, 0, 3);
        Assert.Equal(0, Stage(r).Stage);
    }

    [Fact]
    public void Two_items_of_one_domain_still_count_one_domain()
    {
        var m = Stage(AlsfrsRResponses.AllNormal with { Walking = 0, DressingHygiene = 0 });
        Assert.Equal(1, m.Stage);
        Assert.Equal(MitosDomain.WalkingSelfCare, m.DomainsLost);
    }

    [Theory]
    [InlineData(1, 4, 1, 1, 4, 4, 4, 2)]
    [InlineData(1, 1, 4, 4, 1, 4, 4, 2)]
    [InlineData(4, 1, 4, 4, 1, 4, 2, 3)]
    [InlineData(1, 1, 1, 1, 4, 4, 3, 3)]
    [InlineData(1, 1, 1, 4, 1, 1, 4, 4)]
    [InlineData(0, 0, 0, 0, 0, 0, 0, 4)]
    public void Stage_is_the_number_of_domains_lost(
        int speech, int swallowing, int handwriting, int dressing, int walking, int dyspnea, int item12, int expected)
    {
        var r = AlsfrsRResponses.FromScores(speech, 4, swallowing, handwriting, 4, dressing, 4, walking, 4, dyspnea, 4, item12);
        Assert.Equal(expected, Stage(r).Stage);
    }

    [Fact]
    public void All_four_domains_lost_are_all_flagged()
    {
        var m = Stage(AlsfrsRResponses.FromScores(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        Assert.Equal(MitosDomain.WalkingSelfCare | MitosDomain.Swallowing | MitosDomain.Communicating | MitosDomain.Breathing, m.DomainsLost);
    }

    [Fact]
    public void Deceased_is_stage_5()
    {
        Assert.Equal(5, MitosStage.DeathStage);
        Assert.Equal(5, MitosStage.Deceased.Stage);
    }

    [Fact]
    public void Required_items_are_1_3_4_6_8_10_and_12()
    {
        Assert.Equal([1, 3, 4, 6, 8, 10, 12], MitosStage.RequiredItems.Select(i => (int)i).Order());
    }

    [Theory]
    [InlineData(AlsfrsRItem.Speech)]
    [InlineData(AlsfrsRItem.Swallowing)]
    [InlineData(AlsfrsRItem.Handwriting)]
    [InlineData(AlsfrsRItem.DressingHygiene)]
    [InlineData(AlsfrsRItem.Walking)]
    [InlineData(AlsfrsRItem.Dyspnea)]
    [InlineData(AlsfrsRItem.RespiratoryInsufficiency)]
    public void A_missing_required_item_gives_no_stage(AlsfrsRItem item)
    {
        Assert.Null(MitosStage.Estimate(AlsfrsRResponses.AllNormal.With(item, null)));
    }

    [Theory]
    [InlineData(AlsfrsRItem.Salivation)]
    [InlineData(AlsfrsRItem.CuttingFood)]
    [InlineData(AlsfrsRItem.TurningInBed)]
    [InlineData(AlsfrsRItem.ClimbingStairs)]
    [InlineData(AlsfrsRItem.Orthopnea)]
    public void A_missing_unused_item_still_gives_a_stage(AlsfrsRItem item)
    {
        Assert.NotNull(MitosStage.Estimate(AlsfrsRResponses.AllNormal.With(item, null)));
    }

    [Fact]
    public void Estimate_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => MitosStage.Estimate(null!));
    }
}
