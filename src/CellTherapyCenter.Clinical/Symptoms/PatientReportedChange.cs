using System.ComponentModel.DataAnnotations;

namespace CellTherapyCenter.Clinical.Symptoms;

/// <summary>
/// A 7-point patient global impression of change (PGIC style), 1 = very much improved to
/// 7 = very much worse, asked per aspect after a course.
/// </summary>
public enum ChangeRating
{
    [Display(Name = "Very much improved")]
    VeryMuchImproved = 1,
    [Display(Name = "Much improved")]
    MuchImproved = 2,
    [Display(Name = "Minimally improved")]
    MinimallyImproved = 3,
    [Display(Name = "No change")]
    NoChange = 4,
    [Display(Name = "Minimally worse")]
    MinimallyWorse = 5,
    [Display(Name = "Much worse")]
    MuchWorse = 6,
    [Display(Name = "Very much worse")]
    VeryMuchWorse = 7,
}

/// <summary>What a patient-reported change is about: any of the 13 symptoms, plus appetite and mood (claim C1).</summary>
public enum ChangeAspect
{
    Weakness = 1,
    [Display(Name = "Muscle cramps")]
    MuscleCramps = 2,
    [Display(Name = "Speech and swallowing")]
    SpeechAndSwallowing = 3,
    Balance = 4,
    Spasticity = 5,
    Fasciculations = 8,
    Atrophy = 9,
    [Display(Name = "Foot drop")]
    FootDrop = 10,
    Breathing = 11,
    [Display(Name = "Pseudobulbar affect")]
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
