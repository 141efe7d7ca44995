using CellTherapyCenter.Clinical.Symptoms;

namespace CellTherapyCenter.Outcomes.Tests;

public class VisitRatingsTests
{
    [Fact]
    public void Behaves_as_a_read_only_dictionary_of_its_ratings()
    {
        var ratings = new VisitRatings([new(ChangeAspect.Weakness, ChangeRating.MuchImproved), new(ChangeAspect.Mood, ChangeRating.NoChange)]);

        Assert.Equal(2, ratings.Count);
        Assert.Equal(ChangeRating.MuchImproved, ratings[ChangeAspect.Weakness]);
        Assert.True(ratings.TryGetValue(ChangeAspect.Mood, out var mood));
        Assert.Equal(ChangeRating.NoChange, mood);
        Assert.False(ratings.ContainsKey(ChangeAspect.Spasticity));
        Assert.Throws<KeyNotFoundException>(() => ratings[ChangeAspect.Spasticity]);
        Assert.Equal([ChangeAspect.Weakness, ChangeAspect.Mood], ratings.Keys);
        Assert.Equal([ChangeRating.MuchImproved, ChangeRating.NoChange], ratings.Values);
        Assert.Equal(new Dictionary<ChangeAspect, ChangeRating> { [ChangeAspect.Weakness] = ChangeRating.MuchImproved, [ChangeAspect.Mood] = ChangeRating.NoChange },
            ratings.ToDictionary());
    }

    [Fact]
    public void An_aspect_rated_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new VisitRatings([new(ChangeAspect.Weakness, ChangeRating.MuchImproved), new(ChangeAspect.Weakness, ChangeRating.NoChange)]));
    }
}
