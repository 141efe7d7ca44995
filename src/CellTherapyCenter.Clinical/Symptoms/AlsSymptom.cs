using System.ComponentModel.DataAnnotations;

namespace CellTherapyCenter.Clinical.Symptoms;

/// <summary>The thirteen manifestations the clinic records at every visit (clinic.md, section 3).</summary>
public enum AlsSymptom
{
    Weakness = 1,
    [Display(Name = "Muscle spasms (cramps)")]
    MuscleCramps = 2,
    [Display(Name = "Speech and swallowing disorders")]
    SpeechAndSwallowingDisorders = 3,
    [Display(Name = "Balance problems")]
    BalanceProblems = 4,
    Spasticity = 5,
    [Display(Name = "Increased deep tendon reflexes or widened reflexogenic zones")]
    IncreasedDeepTendonReflexes = 6,
    [Display(Name = "Pathological reflexes")]
    PathologicalReflexes = 7,
    Fasciculations = 8,
    Atrophy = 9,
    [Display(Name = "Foot drop")]
    FootDrop = 10,
    [Display(Name = "Respiratory disorders")]
    RespiratoryDisorders = 11,
    [Display(Name = "Episodes of involuntary laughing or crying (pseudobulbar affect)")]
    PseudobulbarAffect = 12,
    Depression = 13,
}

/// <summary>
/// A symptom's severity at a visit, or <see cref="NotAssessed"/>: the symptom was not asked about
/// or examined, which is missing, never "absent". Rows stored before the value existed keep
/// their meaning (a stored 0 was recorded as absent).
/// </summary>
public enum SymptomSeverity
{
    /// <summary>Not asked or not examined: missing, not absent. Negative, so no "at least mild" comparison counts it.</summary>
    [Display(Name = "Not assessed")]
    NotAssessed = -1,
    Absent = 0,
    Mild = 1,
    Moderate = 2,
    Severe = 3,
}

public static class AlsSymptoms
{
    public static IReadOnlyList<AlsSymptom> All { get; } = Enum.GetValues<AlsSymptom>();

    /// <summary>The answers a form offers, "not assessed" first (Enum.GetValues would sort it last).</summary>
    public static IReadOnlyList<SymptomSeverity> Severities { get; } =
        [SymptomSeverity.NotAssessed, SymptomSeverity.Absent, SymptomSeverity.Mild, SymptomSeverity.Moderate, SymptomSeverity.Severe];

    /// <summary>True for a recorded answer (absent to severe), false for "not assessed".</summary>
    public static bool IsAssessed(SymptomSeverity severity) => severity != SymptomSeverity.NotAssessed;

    public static string Describe(AlsSymptom symptom) => symptom switch
    {
        AlsSymptom.Weakness => "Weakness",
        AlsSymptom.MuscleCramps => "Muscle spasms (cramps)",
        AlsSymptom.SpeechAndSwallowingDisorders => "Speech and swallowing disorders",
        AlsSymptom.BalanceProblems => "Balance problems",
        AlsSymptom.Spasticity => "Spasticity",
        AlsSymptom.IncreasedDeepTendonReflexes => "Increased deep tendon reflexes or widened reflexogenic zones",
        AlsSymptom.PathologicalReflexes => "Pathological reflexes",
        AlsSymptom.Fasciculations => "Fasciculations",
        AlsSymptom.Atrophy => "Muscle atrophy",
        AlsSymptom.FootDrop => "Foot drop",
        AlsSymptom.RespiratoryDisorders => "Respiratory disorders",
        AlsSymptom.PseudobulbarAffect => "Episodes of involuntary laughing or crying (pseudobulbar affect)",
        AlsSymptom.Depression => "Depression",
        _ => throw new ArgumentOutOfRangeException(nameof(symptom)),
    };
}
