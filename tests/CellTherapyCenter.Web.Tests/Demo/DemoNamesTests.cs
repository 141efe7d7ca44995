using CellTherapyCenter.Web.Features.Demo;

namespace CellTherapyCenter.Web.Tests.Demo;

/// <summary>
/// The demo's names are shared as unevenly as a real registry's: many family names, the commonest
/// a few per cent, as even a country's commonest names are, not a twelfth of everyone.
/// </summary>
public sealed class DemoNamesTests
{
    [Theory]
    [InlineData("RS"), InlineData("UA"), InlineData("DE")]
    public void Family_names_are_many_and_the_commonest_a_few_per_cent(string country)
    {
        var random = new Random(7);
        var counts = new Dictionary<string, int>();
        const int draws = 200_000;
        for (var i = 0; i < draws; i++)
        {
            var name = DemoNames.Family(country, random.NextDouble());
            Assert.StartsWith("Demo-", name, StringComparison.Ordinal);
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }
        var commonest = counts.Values.Max() / (double)draws;
        Assert.Equal(DemoNames.FamilyNames(country).Count, counts.Count);
        Assert.True(counts.Count >= 80, $"{counts.Count} names");
        Assert.InRange(commonest, 0.02, country == "DE" ? 0.08 : 0.04);
        Assert.Equal("Demo-" + DemoNames.FamilyNames(country)[0], counts.MaxBy(kv => kv.Value).Key);
    }

    [Theory]
    [InlineData("RS", true), InlineData("RS", false), InlineData("UA", true), InlineData("UA", false), InlineData("DE", true)]
    public void Given_names_are_shared_more_but_none_by_most(string country, bool female)
    {
        var random = new Random(11);
        var counts = new Dictionary<string, int>();
        const int draws = 100_000;
        for (var i = 0; i < draws; i++)
        {
            var name = DemoNames.Given(country, female, random.NextDouble());
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }
        Assert.True(counts.Count >= 12, $"{counts.Count} names");
        Assert.InRange(counts.Values.Max() / (double)draws, 0.04, 0.16);
    }

    [Fact]
    public void One_draw_gives_one_name_at_the_ends_of_the_range()
    {
        Assert.Equal("Demo-Jovanović", DemoNames.Family("RS", 0));
        Assert.Equal("Demo-" + DemoNames.FamilyNames("UA")[^1], DemoNames.Family("UA", Math.BitDecrement(1.0)));
        Assert.Equal("Demo-Melnyk", DemoNames.Family("UA", 0));
    }
}
