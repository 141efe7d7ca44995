namespace CellTherapyCenter.Clinical.Symptoms;

/// <summary>
/// A 7-point patient global impression of change (PGIC style), 1 = very much improved to
/// 7 = very much worse, asked per aspect after a course.
/// </summary>
public enum ChangeRating
{
    VeryMuchImproved = 1,
    MuchImproved = 2,
    MinimallyImproved = 3,
    NoChange = 4,
    MinimallyWorse = 5,
    MuchWorse = 6,
    VeryMuchWorse = 7,
}

/// <summary>What a patient-reported change is about: any of the 13 symptoms, plus appetite and mood (claim C1).</summary>
public enum ChangeAspect
{
    Weakness = 1,
    MuscleCramps = 2,
    SpeechAndSwallowing = 3,
    Balance = 4,
    Spasticity = 5,
    Fasciculations = 8,
    Atrophy = 9,
    FootDrop = 10,
    Breathing = 11,
    PseudobulbarAffect = 12,
    Depression = 13,
    Appetite = 100,
    Mood = 101,
}

public static class ChangeRatings
{
    /// <summary>"Minimally improved" or better counts as improvement (claims.md, C1).</summary>
    public static bool IsImprovement(ChangeRating rating) => rating <= ChangeRating.MinimallyImproved;

    /// <summary>The aspects claim C1 reads: weakness, appetite, mood, fasciculations, spasticity.</summary>
    public static IReadOnlyList<ChangeAspect> ClaimC1Aspects { get; } =
        [ChangeAspect.Weakness, ChangeAspect.Appetite, ChangeAspect.Mood, ChangeAspect.Fasciculations, ChangeAspect.Spasticity];

    public static string Describe(ChangeRating rating) => rating switch
    {
        ChangeRating.VeryMuchImproved => "Very much improved",
        ChangeRating.MuchImproved => "Much improved",
        ChangeRating.MinimallyImproved => "Minimally improved",
        ChangeRating.NoChange => "No change",
        ChangeRating.MinimallyWorse => "Minimally worse",
        ChangeRating.MuchWorse => "Much worse",
        ChangeRating.VeryMuchWorse => "Very much worse",
        _ => throw new ArgumentOutOfRangeException(nameof(rating)),
    };
}
