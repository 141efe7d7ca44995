using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Outcomes.Comparison;

/// <summary>
/// The treated patients beside an external cohort (issue 19): the ALSFRS-R slope from the
/// baseline in both groups with their difference from one mixed model, and survival from onset
/// (Kaplan-Meier of each, the log-rank test, and a Cox model adjusted for age at onset, onset site
/// and ΔFRS), each over the comparable subjects only (<see cref="CommonSupport"/>).
/// </summary>
/// <param name="Progression">Cohort slope, treated slope, their difference.</param>
/// <param name="Survival">Median from onset in each group, the log-rank test, the adjusted hazard ratio.</param>
public sealed record CohortComparison(
    string Cohort,
    string Source,
    bool IsSynthetic,
    bool IsPublic,
    CommonSupport Support,
    IReadOnlyList<ClaimMeasure> Progression,
    IReadOnlyList<ClaimMeasure> Survival,
    IReadOnlyList<string> Notes,
    KaplanMeierCurve? TreatedFromOnset,
    KaplanMeierCurve? CohortFromOnset)
{
    /// <param name="treated">The treated patients the audit covers (already filtered).</param>
    public static CohortComparison Compute(IReadOnlyList<PatientFacts> treated, ExternalCohortFacts cohort, ClaimsAuditParameters parameters)
    {
        var treatedMissing = new Dictionary<string, int>(StringComparer.Ordinal);
        var cohortMissing = new Dictionary<string, int>(StringComparer.Ordinal);
        var treatedSubjects = Collect(treated, p => ComparisonSubject.FromPatient(p, parameters.BaselineWindowDays), treatedMissing);
        var cohortSubjects = Collect(SameOnsetSites(cohort.Subjects, parameters.Filter.OnsetSite), ComparisonSubject.FromCohort, cohortMissing);
        var (support, kept) = CommonSupport.Select(treatedSubjects, cohortSubjects, treatedMissing, cohortMissing);

        var inTreated = kept.Where(s => s.Treated).ToList();
        var inCohort = kept.Where(s => !s.Treated).ToList();
        var progression = Task.Run(() => CohortProgression.Measure(kept, inTreated.Count, inCohort.Count, parameters));
        var (survival, treatedCurve, cohortCurve) = CohortSurvival.Measure(inTreated, inCohort, parameters);

        var notes = new List<string>
        {
            support.Describe(),
            "Slopes: months from each subject's baseline, the latest ALSFRS-R up to " + parameters.BaselineWindowDays +
                " days before a treated patient's first course (to any second course) and an external subject's first ALSFRS-R total. One REML mixed model over both groups, alsfrs ~ months × treated + (months | subject); original-ALSFRS rows of the cohort are a different scale and are left out.",
            "Survival from onset: death, censored at the last contact. Both groups enter observation after onset, the cohort at trial entry and treated patients at their first course, and only those alive then are counted; the comparison does not adjust for this delayed entry, which favours the group entering later in its disease. Keeping to the shared disease duration at baseline limits this, and the Cox model adjusts for age at onset, bulbar against limb onset and ΔFRS; it does not remove it.",
            "An external cohort differs from the clinic's patients in what was not recorded (trial eligibility, riluzole, era of care): a difference here is an observation beside a control group, not the result of a randomised trial.",
        };
        if (parameters.Filter.OnsetSite is { } site)
            notes.Add($"Filtered by onset site ({site}): cohort subjects of the matching class only (bulbar, or limb for upper and lower limb).");
        return new CohortComparison(cohort.Name, cohort.Source, cohort.IsSynthetic, cohort.IsPublic, support,
            progression.Result, survival, notes, treatedCurve, cohortCurve);
    }

    private static List<ComparisonSubject> Collect<T>(IEnumerable<T> items, Func<T, (ComparisonSubject?, string?)> read, Dictionary<string, int> missing)
    {
        var subjects = new List<ComparisonSubject>();
        foreach (var item in items)
        {
            var (subject, reason) = read(item);
            if (subject is not null) subjects.Add(subject);
            else missing[reason!] = missing.GetValueOrDefault(reason!) + 1;
        }
        return subjects;
    }

    /// <summary>Under an onset-site filter, the cohort's subjects of the same class (PRO-ACT knows bulbar and limb only).</summary>
    private static IEnumerable<CohortSubjectFacts> SameOnsetSites(IReadOnlyList<CohortSubjectFacts> subjects, OnsetSite? site) => site switch
    {
        null => subjects,
        _ when ComparisonSubject.Bulbar(site) is { } bulbar => subjects.Where(s => s.BulbarOnset == bulbar),
        _ => [],
    };
}
