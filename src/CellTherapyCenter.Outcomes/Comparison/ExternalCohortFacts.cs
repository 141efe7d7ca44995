namespace CellTherapyCenter.Outcomes.Comparison;

/// <summary>
/// An imported external cohort as the comparison reads it: day offsets already turned into dates
/// (docs/proact.md), ALSFRS-R totals only (original-ALSFRS rows are a different scale and never
/// compared), nothing identifying. The web app and the command-line tool load these; tests build them by hand.
/// </summary>
/// <param name="IsPublic">An administrator has cleared the cohort for the public outcomes page.</param>
public sealed record ExternalCohortFacts(string Name, string Source, bool IsSynthetic, bool IsPublic, IReadOnlyList<CohortSubjectFacts> Subjects);

/// <summary>One subject of an external cohort.</summary>
public sealed record CohortSubjectFacts
{
    /// <summary>The source's subject_id, kept only to tell subjects apart.</summary>
    public required string SubjectId { get; init; }
    /// <summary>Day 0 of the source (trial entry), the date <see cref="AgeAtDayZero"/> refers to.</summary>
    public required DateOnly DayZero { get; init; }
    public double? AgeAtDayZero { get; init; }
    public DateOnly? OnsetDate { get; init; }
    /// <summary>True for bulbar onset, false for limb onset; null for other or mixed sites and where unknown.</summary>
    public bool? BulbarOnset { get; init; }
    public DateOnly? DateOfDeath { get; init; }
    /// <summary>The latest date the subject was seen (any ALSFRS or FVC row), the end of follow-up when alive.</summary>
    public DateOnly? LastContact { get; init; }
    /// <summary>ALSFRS-R totals (0-48), ascending by date.</summary>
    public IReadOnlyList<CohortScore> Scores { get; init; } = [];
}

/// <summary>An ALSFRS-R total of an external subject on a date.</summary>
public readonly record struct CohortScore(DateOnly Date, double Total);
