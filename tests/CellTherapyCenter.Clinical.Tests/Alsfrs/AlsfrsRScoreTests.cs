using CellTherapyCenter.Clinical.Alsfrs;

namespace CellTherapyCenter.Clinical.Tests.Alsfrs;

// Source: Cedarbaum et al., J Neurol Sci 1999;169:13-21. Total 0-48 = sum of 12 items;
// subscores bulbar 1-3, fine motor 4-6, gross motor 7-9, respiratory 10-12 (each 0-12).
public class AlsfrsRScoreTests
{
    [Fact]
    public void All_normal_scores_48_with_four_subscores_of_12()
    {
        var s = AlsfrsRScore.Of(AlsfrsRResponses.AllNormal);
        Assert.Equal(48, s.Total);
        Assert.Equal((12, 12, 12, 12), (s.Bulbar!.Value, s.FineMotor!.Value, s.GrossMotor!.Value, s.Respiratory!.Value));
        Assert.True(s.IsComplete);
        Assert.Empty(s.MissingItems);
    }

    [Fact]
    public void All_zero_scores_0()
    {
        var s = AlsfrsRScore.Of(AlsfrsRResponses.FromScores(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        Assert.Equal(0, s.Total);
        Assert.Equal((0, 0, 0, 0), (s.Bulbar!.Value, s.FineMotor!.Value, s.GrossMotor!.Value, s.Respiratory!.Value));
    }

    [Fact]
    public void Subscores_sum_their_own_three_items_and_the_total_sums_all()
    {
        // bulbar 4+3+2=9, fine 1+0+3=4, gross 2+4+1=7, respiratory 0+2+3=5.
        var s = AlsfrsRScore.Of(AlsfrsRResponses.FromScores(4, 3, 2, 1, 0, 3, 2, 4, 1, 0, 2, 3));
        Assert.Equal(9, s.Bulbar);
        Assert.Equal(4, s.FineMotor);
        Assert.Equal(7, s.GrossMotor);
        Assert.Equal(5, s.Respiratory);
        Assert.Equal(25, s.Total);
    }

    [Theory]
    [InlineData(AlsfrsRItem.Speech, AlsfrsRDomain.Bulbar)]
    [InlineData(AlsfrsRItem.Salivation, AlsfrsRDomain.Bulbar)]
    [InlineData(AlsfrsRItem.Swallowing, AlsfrsRDomain.Bulbar)]
    [InlineData(AlsfrsRItem.Handwriting, AlsfrsRDomain.FineMotor)]
    [InlineData(AlsfrsRItem.CuttingFood, AlsfrsRDomain.FineMotor)]
    [InlineData(AlsfrsRItem.DressingHygiene, AlsfrsRDomain.FineMotor)]
    [InlineData(AlsfrsRItem.TurningInBed, AlsfrsRDomain.GrossMotor)]
    [InlineData(AlsfrsRItem.Walking, AlsfrsRDomain.GrossMotor)]
    [InlineData(AlsfrsRItem.ClimbingStairs, AlsfrsRDomain.GrossMotor)]
    [InlineData(AlsfrsRItem.Dyspnea, AlsfrsRDomain.Respiratory)]
    [InlineData(AlsfrsRItem.Orthopnea, AlsfrsRDomain.Respiratory)]
    [InlineData(AlsfrsRItem.RespiratoryInsufficiency, AlsfrsRDomain.Respiratory)]
    public void Lowering_one_item_lowers_only_its_domain_and_the_total(AlsfrsRItem item, AlsfrsRDomain domain)
    {
        var s = AlsfrsRScore.Of(AlsfrsRResponses.AllNormal.With(item, 1));
        Assert.Equal(45, s.Total);
        foreach (var d in Enum.GetValues<AlsfrsRDomain>())
            Assert.Equal(d == domain ? 9 : 12, s[d]);
    }

    [Theory]
    [InlineData(AlsfrsRItem.Speech, AlsfrsRDomain.Bulbar)]
    [InlineData(AlsfrsRItem.Salivation, AlsfrsRDomain.Bulbar)]
    [InlineData(AlsfrsRItem.Swallowing, AlsfrsRDomain.Bulbar)]
    [InlineData(AlsfrsRItem.Handwriting, AlsfrsRDomain.FineMotor)]
    [InlineData(AlsfrsRItem.CuttingFood, AlsfrsRDomain.FineMotor)]
    [InlineData(AlsfrsRItem.DressingHygiene, AlsfrsRDomain.FineMotor)]
    [InlineData(AlsfrsRItem.TurningInBed, AlsfrsRDomain.GrossMotor)]
    [InlineData(AlsfrsRItem.Walking, AlsfrsRDomain.GrossMotor)]
    [InlineData(AlsfrsRItem.ClimbingStairs, AlsfrsRDomain.GrossMotor)]
    [InlineData(AlsfrsRItem.Dyspnea, AlsfrsRDomain.Respiratory)]
    [InlineData(AlsfrsRItem.Orthopnea, AlsfrsRDomain.Respiratory)]
    [InlineData(AlsfrsRItem.RespiratoryInsufficiency, AlsfrsRDomain.Respiratory)]
    public void A_missing_item_gives_no_total_and_no_subscore_for_its_domain_only(AlsfrsRItem item, AlsfrsRDomain domain)
    {
        var s = AlsfrsRScore.Of(AlsfrsRResponses.AllNormal.With(item, null));
        Assert.Null(s.Total);
        Assert.False(s.IsComplete);
        Assert.Equal([item], s.MissingItems);
        foreach (var d in Enum.GetValues<AlsfrsRDomain>())
            Assert.Equal(d == domain ? (int?)null : 12, s[d]);
    }

    [Fact]
    public void Several_missing_items_are_all_listed_in_form_order()
    {
        var r = AlsfrsRResponses.AllNormal with { RespiratoryInsufficiency = null, Speech = null, Walking = null };
        var s = AlsfrsRScore.Of(r);
        Assert.Equal([AlsfrsRItem.Speech, AlsfrsRItem.Walking, AlsfrsRItem.RespiratoryInsufficiency], s.MissingItems);
        Assert.Null(s.Bulbar);
        Assert.Equal(12, s.FineMotor);
        Assert.Null(s.GrossMotor);
        Assert.Null(s.Respiratory);
    }

    [Fact]
    public void An_empty_questionnaire_is_not_imputed()
    {
        var s = AlsfrsRScore.Of(new AlsfrsRResponses());
        Assert.Null(s.Total);
        Assert.Equal(12, s.MissingItems.Count);
        Assert.All(Enum.GetValues<AlsfrsRDomain>(), d => Assert.Null(s[d]));
    }

    [Theory]
    [InlineData(AlsfrsRItem.Speech, 5)]
    [InlineData(AlsfrsRItem.CuttingFood, -1)]
    [InlineData(AlsfrsRItem.RespiratoryInsufficiency, 48)]
    public void An_out_of_range_item_makes_Of_throw(AlsfrsRItem item, int score)
    {
        var r = AlsfrsRResponses.AllNormal.With(item, score);
        Assert.Equal([item], r.OutOfRangeItems());
        Assert.Throws<ArgumentOutOfRangeException>(() => AlsfrsRScore.Of(r));
    }

    [Fact]
    public void Of_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => AlsfrsRScore.Of(null!));
    }

    [Theory]
    [InlineData(CuttingFoodVersion.WithoutGastrostomy5a)]
    [InlineData(CuttingFoodVersion.WithGastrostomy5b)]
    public void Item_5a_or_5b_counts_the_same_in_fine_motor_and_total(CuttingFoodVersion version)
    {
        var r = AlsfrsRResponses.FromScores(4, 4, 4, 4, 2, 4, 4, 4, 4, 4, 4, 4, version);
        var s = AlsfrsRScore.Of(r);
        Assert.Equal(10, s.FineMotor);
        Assert.Equal(46, s.Total);
    }

    [Fact]
    public void Domain_indexer_returns_each_subscore()
    {
        var s = AlsfrsRScore.Of(AlsfrsRResponses.FromScores(4, 3, 2, 1, 0, 3, 2, 4, 1, 0, 2, 3));
        Assert.Equal(s.Bulbar, s[AlsfrsRDomain.Bulbar]);
        Assert.Equal(s.FineMotor, s[AlsfrsRDomain.FineMotor]);
        Assert.Equal(s.GrossMotor, s[AlsfrsRDomain.GrossMotor]);
        Assert.Equal(s.Respiratory, s[AlsfrsRDomain.Respiratory]);
        Assert.Throws<ArgumentOutOfRangeException>(() => s[(AlsfrsRDomain)9]);
    }
}
