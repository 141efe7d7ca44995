using CellTherapyCenter.Outcomes.Claims;
using CellTherapyCenter.Outcomes.Comparison;
using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Outcomes;

/// <summary>
/// The claims audit (claims.md): each outcome the clinic states, measured from the registry with
/// its definition, numerator, denominator and 95% CI, beside the clinic's figure and the
/// natural-history comparison. Pure: the caller loads <see cref="PatientFacts"/> and caches the
/// report until the data change.
/// </summary>
public static class ClaimsAudit
{
    /// <param name="patients">Every patient not voided; the audit selects the treated ones and applies the filter.</param>
    /// <param name="dataDate">The date the data run to: windows that end after it are not yet judged.</param>
    /// <param name="cohorts">Imported external cohorts: the progression and survival claims are compared with each.</param>
    public static ClaimsAuditReport Compute(IReadOnlyList<PatientFacts> patients, DateOnly dataDate, ClaimsAuditParameters? parameters = null,
        IReadOnlyList<ExternalCohortFacts>? cohorts = null)
    {
        // The report's texts are the audit's own English words, cached and shown to every reader:
        // they must not take the culture of whichever request happened to compute them (a
        // Ukrainian visitor first would give "1,25" to every English reader). The claims' threads
        // inherit the culture set here.
        var callers = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            return ComputeInvariant(patients, dataDate, parameters ?? new ClaimsAuditParameters(), cohorts ?? []);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = callers;
        }
    }

    private static ClaimsAuditReport ComputeInvariant(IReadOnlyList<PatientFacts> patients, DateOnly dataDate, ClaimsAuditParameters parameters,
        IReadOnlyList<ExternalCohortFacts> cohorts)
    {
        var treated = Treated(patients, parameters);

        // The claims read the same facts and share nothing else: each is computed on its own thread.
        var c1 = Task.Run(() => ReportedImprovement.Measure(treated, parameters));
        var objective = Task.Run(() => ObjectiveImprovement.Measure(treated, dataDate, parameters));
        var repeat = Task.Run(() => RepeatCourses.MeasureRepeat(treated, parameters));
        var c5 = Task.Run(() => RepeatCourses.MeasureRhythm(treated, parameters));
        var advanced = Task.Run(() => SurvivalClaims.MeasureAdvanced(treated, parameters));
        var progression = Task.Run(() => Progression.Measure(treated, parameters));
        var survival = Task.Run(() => SurvivalClaims.MeasureOverall(treated, parameters));
        var comparisons = cohorts.Select(c => Task.Run(() => CohortComparison.Compute(treated, c, parameters))).ToList();
        Task.WaitAll([c1, objective, repeat, c5, advanced, progression, survival, .. comparisons]);
        var (c2, c3, durability) = objective.Result;
        var (c4, repeatCurve) = repeat.Result;
        var (c6, advancedCohort) = advanced.Result;
        var (overall, fromCourse, fromOnset) = survival.Result;

        return new ClaimsAuditReport(dataDate, parameters,
            Patients: patients.Count,
            SyntheticPatients: patients.Count(p => p.IsSynthetic),
            TreatedPatients: treated.Count,
            Claims: [c1.Result, c2, c3, c4, c5.Result, c6, progression.Result, overall],
            new AuditCurves(durability, repeatCurve, advancedCohort, fromCourse, fromOnset))
        {
            Comparisons = comparisons.Select(c => c.Result).ToList(),
        };
    }

    /// <summary>The treated patients the audit covers under the parameters' filter.</summary>
    public static List<PatientFacts> Treated(IReadOnlyList<PatientFacts> patients, ClaimsAuditParameters parameters) =>
        patients.Where(p => p.IsTreated && Matches(p, parameters)).ToList();

    private static bool Matches(PatientFacts p, ClaimsAuditParameters parameters)
    {
        var f = parameters.Filter;
        if (f.IsEmpty) return true;
        var first = p.FirstCourse!.Value;
        if (f.FirstCourseFrom is { } from && first < from) return false;
        if (f.FirstCourseTo is { } to && first > to) return false;
        if (f.OnsetSite is { } site && p.OnsetSite != site) return false;
        if (f.BaselineKingsStage is { } stage && Timeline.BaselineKingsStage(p, parameters.BaselineWindowDays) != stage) return false;
        return true;
    }

    /// <summary>King's stage at the first course, as the audit derives it (for subgroup plots).</summary>
    public static string? BaselineKingsStage(PatientFacts patient, ClaimsAuditParameters? parameters = null) =>
        Timeline.BaselineKingsStage(patient, (parameters ?? new ClaimsAuditParameters()).BaselineWindowDays);
}

/// <summary>The audit's result: the claims in the order of claims.md, and the curves behind them for plotting.</summary>
public sealed record ClaimsAuditReport(
    DateOnly DataDate,
    ClaimsAuditParameters Parameters,
    int Patients,
    int SyntheticPatients,
    int TreatedPatients,
    IReadOnlyList<ClaimResult> Claims,
    AuditCurves Curves)
{
    /// <summary>The progression and survival claims beside each imported external cohort, in the cohorts' name order.</summary>
    public IReadOnlyList<CohortComparison> Comparisons { get; init; } = [];

    public ClaimResult Claim(string id) => Claims.Single(c => c.Stated.Id == id);
}

/// <summary>The curves the audit's figures come from (null where a group is empty).</summary>
/// <param name="Durability">C3: months from response to a score at or below baseline.</param>
/// <param name="Repeat">C4: second course (cause 1) with death competing (cause 2), days from the first course.</param>
/// <param name="Advanced">C6: King's stage 4A/4B at the first course.</param>
/// <param name="FromFirstCourse">All treated patients, from the first course.</param>
/// <param name="FromOnset">Treated patients, from onset.</param>
public sealed record AuditCurves(
    KaplanMeierCurve? Durability,
    CumulativeIncidenceCurve? Repeat,
    SurvivalCohort Advanced,
    SurvivalCohort FromFirstCourse,
    KaplanMeierCurve? FromOnset);
