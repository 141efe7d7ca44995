using CellTherapyCenter.Clinical.Diagnosis;

namespace CellTherapyCenter.Outcomes;

/// <summary>
/// The configurable parts of the claims' definitions (claims.md), with its defaults. Every value
/// used is printed beside the results, so a figure is never separated from how it was made.
/// </summary>
public sealed record ClaimsAuditParameters
{
    /// <summary>Below this many patients a share, median or ratio is not estimated ("n = 3, too few to estimate").</summary>
    public int MinimumPatients { get; init; } = 10;
    /// <summary>The latest ALSFRS-R this many days before a course start (or on it) is the course's baseline.</summary>
    public int BaselineWindowDays { get; init; } = 90;
    /// <summary>C2: the window after the course start in which an improvement counts.</summary>
    public int ResponseWindowFromDays { get; init; } = 14;
    public int ResponseWindowToDays { get; init; } = 75;
    /// <summary>C2: ALSFRS-R points above baseline that count as objective improvement.</summary>
    public int ResponsePoints { get; init; } = 2;
    /// <summary>C4: the horizon for a second course.</summary>
    public int RepeatHorizonDays { get; init; } = 365;
    /// <summary>C5: the interval between courses that counts as "every 1.5 to 2 years".</summary>
    public int RhythmFromDays { get; init; } = 450;
    public int RhythmToDays { get; init; } = 730;
    /// <summary>Progression: the improvement in slope that counts as a response (NurOwn phase 3: 1.25 points/month).</summary>
    public double SlopeResponsePointsPerMonth { get; init; } = 1.25;
    /// <summary>Progression: a post-course slope needs assessments spanning at least this many days.</summary>
    public int MinimumSlopeSpanDays { get; init; } = 90;
    /// <summary>
    /// Progression, per patient: the slope before the first course is taken from the scores up to
    /// this many days before it, the slope after it from the same span after it (like with like).
    /// </summary>
    public int SlopeComparisonDays { get; init; } = 365;
    /// <summary>
    /// Progression, per patient: a baseline total below this is left out of the comparison. At
    /// about a point a month (natural-history.md) such a score can reach the floor of 0 within a
    /// year, after which it can only flatten, as if the decline had slowed.
    /// </summary>
    public int SlopeComparisonMinimumBaseline { get; init; } = 12;
    /// <summary>ENCALS predictors "at diagnosis" are taken from the first ALSFRS-R and FVC within this many days of diagnosis.</summary>
    public int PredictorWindowDays { get; init; } = 365;

    public ClaimsAuditFilter Filter { get; init; } = new();
}

/// <summary>Which treated patients the audit covers: by period of first course and by subgroup. Empty = all.</summary>
public sealed record ClaimsAuditFilter
{
    public DateOnly? FirstCourseFrom { get; init; }
    public DateOnly? FirstCourseTo { get; init; }
    public OnsetSite? OnsetSite { get; init; }
    /// <summary>King's stage at the first course: "1", "2", "3", "4A" or "4B".</summary>
    public string? BaselineKingsStage { get; init; }

    public bool IsEmpty => FirstCourseFrom is null && FirstCourseTo is null && OnsetSite is null && BaselineKingsStage is null;
}
