using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Clinical.Symptoms;

namespace CellTherapyCenter.Outcomes;

/// <summary>
/// What the claims audit reads of one patient, already stripped of voided records and of
/// everything identifying: dates, scores and flags only. The web app and the command-line tool
/// load these from the registry; tests build them by hand.
/// </summary>
public sealed record PatientFacts
{
    public required Guid Id { get; init; }
    public bool IsSynthetic { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public DateOnly? OnsetDate { get; init; }
    public OnsetSite? OnsetSite { get; init; }
    public DateOnly? DiagnosisDate { get; init; }
    public ElEscorialCategory? ElEscorial { get; init; }
    public bool? FrontotemporalDementia { get; init; }
    public GeneticResult C9orf72 { get; init; }

    public DateOnly? DateOfDeath { get; init; }
    /// <summary>The last date the patient was known alive (vital status); visits and assessments also count as contact.</summary>
    public DateOnly? LastKnownAliveOn { get; init; }
    public DateOnly? TracheostomyDate { get; init; }
    public DateOnly? PermanentVentilationDate { get; init; }
    public DateOnly? GastrostomyDate { get; init; }

    /// <summary>Start dates of the treatment courses, ascending.</summary>
    public IReadOnlyList<DateOnly> CourseStarts { get; init; } = [];
    /// <summary>Complete ALSFRS-R assessments, ascending by date.</summary>
    public IReadOnlyList<AssessmentFact> Assessments { get; init; } = [];
    /// <summary>Visits, ascending by date.</summary>
    public IReadOnlyList<VisitFact> Visits { get; init; } = [];

    public DateOnly? FirstCourse => CourseStarts.Count > 0 ? CourseStarts[0] : null;
    public bool IsTreated => CourseStarts.Count > 0;

    /// <summary>The end of follow-up: death, or the latest date the patient was known alive or seen.</summary>
    public DateOnly? FollowUpEnd
    {
        get
        {
            if (DateOfDeath is { } death) return death;
            DateOnly? end = LastKnownAliveOn;
            if (Visits.Count > 0 && (end is null || Visits[^1].Date > end)) end = Visits[^1].Date;
            if (Assessments.Count > 0 && (end is null || Assessments[^1].Date > end)) end = Assessments[^1].Date;
            if (CourseStarts.Count > 0 && (end is null || CourseStarts[^1] > end)) end = CourseStarts[^1];
            return end;
        }
    }
}

/// <summary>A complete ALSFRS-R: its date, total, King's stage, and whether it was rated at a clinic visit.</summary>
/// <remarks>
/// A registry holds millions of these, so the stage is kept as a byte, not a string: the arrays of
/// them are half the size and hold no references for the garbage collector to follow.
/// </remarks>
public readonly record struct AssessmentFact
{
    private readonly byte _stage;

    /// <param name="kingsStage">"1", "2", "3", "4A", "4B" or "5"; anything else counts as not staged.</param>
    public AssessmentFact(DateOnly date, int total, string? kingsStage, bool atVisit)
        : this(date, total, Clinical.Staging.KingsStage.FromCode(kingsStage), atVisit)
    {
    }

    public AssessmentFact(DateOnly date, int total, KingsStageValue? stage, bool atVisit)
    {
        Date = date;
        Total = total;
        _stage = stage is { } s ? (byte)(s + 1) : (byte)0;
        AtVisit = atVisit;
    }

    public DateOnly Date { get; }
    public int Total { get; }
    /// <summary>King's stage code ("1" to "5", "4A", "4B"), or null when not staged.</summary>
    public string? KingsStage => _stage == 0 ? null : Clinical.Staging.KingsStage.ToCode((KingsStageValue)(_stage - 1));
    public bool AtVisit { get; }
}

/// <summary>A visit's date, FVC and the change ratings recorded on it.</summary>
public sealed record VisitFact
{
    public required DateOnly Date { get; init; }
    public double? FvcPercentPredicted { get; init; }
    /// <summary>The patient's 7-point ratings of change, per aspect.</summary>
    public IReadOnlyDictionary<ChangeAspect, ChangeRating> ReportedChanges { get; init; } = NoReportedChanges;
    /// <summary>Examination domains recorded at the visit (against the course baseline), and how many of them improved.</summary>
    public int ExaminationFindings { get; init; }
    public int ExaminationImprovements { get; init; }

    /// <summary>The ratings of a visit without any (one shared, empty instance).</summary>
    public static readonly IReadOnlyDictionary<ChangeAspect, ChangeRating> NoReportedChanges = new Dictionary<ChangeAspect, ChangeRating>();
}
