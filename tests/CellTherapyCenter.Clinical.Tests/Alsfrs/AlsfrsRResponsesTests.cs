using CellTherapyCenter.Clinical.Alsfrs;

namespace CellTherapyCenter.Clinical.Tests.Alsfrs;

// Source: Cedarbaum et al., J Neurol Sci 1999;169:13-21 (ALSFRS-R items, each scored 0-4; item 5 as 5a or 5b).
public class AlsfrsRResponsesTests
{
    [Fact]
    public void FromScores_maps_each_argument_to_its_item_in_form_order()
    {
        // Distinct (deliberately out-of-range) values so any swapped argument shows.
        var r = AlsfrsRResponses.FromScores(11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22);
        foreach (var item in AlsfrsRItems.All)
            Assert.Equal(10 + (int)item, r[item]);
    }

    [Fact]
    public void FromScores_defaults_to_5a_and_keeps_5b_when_given()
    {
        var a = AlsfrsRResponses.FromScores(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4);
        var b = AlsfrsRResponses.FromScores(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, CuttingFoodVersion.WithGastrostomy5b);
        Assert.Equal(CuttingFoodVersion.WithoutGastrostomy5a, a.CuttingFoodVersion);
        Assert.False(a.UsesGastrostomy);
        Assert.Equal(CuttingFoodVersion.WithGastrostomy5b, b.CuttingFoodVersion);
        Assert.True(b.UsesGastrostomy);
    }

    [Fact]
    public void AllNormal_answers_4_to_every_item_on_5a()
    {
        Assert.All(AlsfrsRItems.All, i => Assert.Equal(4, AlsfrsRResponses.AllNormal[i]));
        Assert.False(AlsfrsRResponses.AllNormal.UsesGastrostomy);
    }

    [Fact]
    public void With_sets_only_the_named_item_and_leaves_the_original_unchanged()
    {
        foreach (var item in AlsfrsRItems.All)
        {
            var changed = AlsfrsRResponses.AllNormal.With(item, 1);
            Assert.Equal(1, changed[item]);
            Assert.All(AlsfrsRItems.All.Where(i => i != item), i => Assert.Equal(4, changed[i]));
            Assert.Equal(4, AlsfrsRResponses.AllNormal[item]);
        }
    }

    [Fact]
    public void With_null_clears_an_item()
    {
        Assert.Null(AlsfrsRResponses.AllNormal.With(AlsfrsRItem.Orthopnea, null).Orthopnea);
    }

    [Fact]
    public void An_unknown_item_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AlsfrsRResponses.AllNormal[(AlsfrsRItem)13]);
        Assert.Throws<ArgumentOutOfRangeException>(() => AlsfrsRResponses.AllNormal.With((AlsfrsRItem)0, 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Scores_0_and_4_are_in_range(int score)
    {
        foreach (var item in AlsfrsRItems.All)
            Assert.Empty(AlsfrsRResponses.AllNormal.With(item, score).OutOfRangeItems());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Scores_below_0_or_above_4_are_out_of_range_for_every_item(int score)
    {
        foreach (var item in AlsfrsRItems.All)
            Assert.Equal([item], AlsfrsRResponses.AllNormal.With(item, score).OutOfRangeItems());
    }

    [Fact]
    public void OutOfRangeItems_lists_all_offending_items_and_ignores_missing_ones()
    {
        var r = AlsfrsRResponses.AllNormal with { Speech = 7, Walking = -2, Dyspnea = null };
        Assert.Equal([AlsfrsRItem.Speech, AlsfrsRItem.Walking], r.OutOfRangeItems());
    }
}
