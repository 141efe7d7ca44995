using CellTherapyCenter.Clinical.Symptoms;

namespace CellTherapyCenter.Clinical.Tests.Symptoms;

// Source: 7-point patient global impression of change (Guy, ECDEU Assessment Manual 1976, CGI-I
// wording), read as claims.md C1 defines it: "minimally improved" or better is improvement.
public class ChangeRatingsTests
{
    [Theory]
    [InlineData(ChangeRating.VeryMuchImproved, true)]
    [InlineData(ChangeRating.MuchImproved, true)]
    [InlineData(ChangeRating.MinimallyImproved, true)]
    [InlineData(ChangeRating.NoChange, false)]
    [InlineData(ChangeRating.MinimallyWorse, false)]
    [InlineData(ChangeRating.MuchWorse, false)]
    [InlineData(ChangeRating.VeryMuchWorse, false)]
    public void Minimally_improved_or_better_is_improvement(ChangeRating rating, bool improved)
    {
        Assert.Equal(improved, ChangeRatings.IsImprovement(rating));
    }

    [Fact]
    public void The_scale_has_seven_points_from_1_to_7()
    {
        Assert.Equal(Enumerable.Range(1, 7), Enum.GetValues<ChangeRating>().Select(r => (int)r));
    }

    [Theory]
    [InlineData(ChangeRating.VeryMuchImproved, "Very much improved")]
    [InlineData(ChangeRating.MinimallyImproved, "Minimally improved")]
    [InlineData(ChangeRating.NoChange, "No change")]
    [InlineData(ChangeRating.VeryMuchWorse, "Very much worse")]
    public void Describe_gives_the_scale_wording(ChangeRating rating, string text)
    {
        Assert.Equal(text, ChangeRatings.Describe(rating));
    }

    [Fact]
    public void Every_rating_has_its_own_description_and_unknown_ones_are_rejected()
    {
        Assert.Equal(7, Enum.GetValues<ChangeRating>().Select(ChangeRatings.Describe).Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => ChangeRatings.Describe((ChangeRating)0));
    }

    [Fact]
    public void Claim_C1_reads_weakness_appetite_mood_fasciculations_and_spasticity()
    {
        Assert.Equal(
            [ChangeAspect.Appetite, ChangeAspect.Fasciculations, ChangeAspect.Mood, ChangeAspect.Spasticity, ChangeAspect.Weakness],
            ChangeRatings.ClaimC1Aspects.OrderBy(a => a.ToString()));
    }

    [Theory]
    [InlineData(ChangeAspect.Weakness, AlsSymptom.Weakness)]
    [InlineData(ChangeAspect.Fasciculations, AlsSymptom.Fasciculations)]
    [InlineData(ChangeAspect.Spasticity, AlsSymptom.Spasticity)]
    [InlineData(ChangeAspect.Depression, AlsSymptom.Depression)]
    [InlineData(ChangeAspect.Breathing, AlsSymptom.RespiratoryDisorders)]
    public void Symptom_aspects_share_the_symptom_number(ChangeAspect aspect, AlsSymptom symptom)
    {
        Assert.Equal((int)symptom, (int)aspect);
    }
}
