using CellTherapyCenter.Clinical.Alsfrs;

namespace CellTherapyCenter.Clinical.Tests.Alsfrs;

// Source: Cedarbaum et al., J Neurol Sci 1999;169:13-21 (ALSFRS-R: twelve items, four domains).
public class AlsfrsRItemsTests
{
    [Fact]
    public void There_are_twelve_items_numbered_1_to_12_in_form_order()
    {
        Assert.Equal(Enumerable.Range(1, 12), AlsfrsRItems.All.Select(i => (int)i));
    }

    [Fact]
    public void Item_scores_range_from_0_to_4()
    {
        Assert.Equal(0, AlsfrsRItems.MinimumScore);
        Assert.Equal(4, AlsfrsRItems.MaximumScore);
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
    public void Each_item_belongs_to_its_published_domain(AlsfrsRItem item, AlsfrsRDomain domain)
    {
        Assert.Equal(domain, AlsfrsRItems.DomainOf(item));
    }

    [Fact]
    public void Each_domain_has_three_items()
    {
        var counts = AlsfrsRItems.All.GroupBy(AlsfrsRItems.DomainOf).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, counts.Count);
        Assert.All(counts.Values, c => Assert.Equal(3, c));
    }

    [Theory]
    [InlineData(AlsfrsRItem.Speech, CuttingFoodVersion.WithoutGastrostomy5a, "1")]
    [InlineData(AlsfrsRItem.Handwriting, CuttingFoodVersion.WithGastrostomy5b, "4")]
    [InlineData(AlsfrsRItem.CuttingFood, CuttingFoodVersion.WithoutGastrostomy5a, "5a")]
    [InlineData(AlsfrsRItem.CuttingFood, CuttingFoodVersion.WithGastrostomy5b, "5b")]
    [InlineData(AlsfrsRItem.DressingHygiene, CuttingFoodVersion.WithoutGastrostomy5a, "6")]
    [InlineData(AlsfrsRItem.RespiratoryInsufficiency, CuttingFoodVersion.WithoutGastrostomy5a, "12")]
    public void Number_is_the_printed_item_number(AlsfrsRItem item, CuttingFoodVersion version, string expected)
    {
        Assert.Equal(expected, AlsfrsRItems.Number(item, version));
    }

    [Fact]
    public void Number_of_item_5_defaults_to_5a()
    {
        Assert.Equal("5a", AlsfrsRItems.Number(AlsfrsRItem.CuttingFood));
    }

    [Theory]
    [InlineData(AlsfrsRItem.Speech, "speech")]
    [InlineData(AlsfrsRItem.CuttingFood, "cuttingFood")]
    [InlineData(AlsfrsRItem.DressingHygiene, "dressingHygiene")]
    [InlineData(AlsfrsRItem.RespiratoryInsufficiency, "respiratoryInsufficiency")]
    public void FieldName_is_camel_case(AlsfrsRItem item, string expected)
    {
        Assert.Equal(expected, AlsfrsRItems.FieldName(item));
    }
}
