using CellTherapyCenter.Clinical.Diagnosis;

namespace CellTherapyCenter.Outcomes.Comparison;

/// <summary>
/// A treated patient or an external subject reduced to what the comparison needs: the baseline
/// (a treated patient's at the first course, an external subject's first ALSFRS-R), the three
/// values comparability is judged on, the scores from the baseline on, survival from onset and the
/// Cox model's covariates.
/// </summary>
internal sealed record ComparisonSubject(
    string Key,
    bool Treated,
    double BaselineTotal,
    double DurationMonths,
    double? AgeAtOnset,
    bool? BulbarOnset,
    IReadOnlyList<double> Months,
    IReadOnlyList<double> Totals,
    double MonthsFromOnset,
    bool Died)
{
    /// <summary>ΔFRS: points lost per month from onset to the baseline, taking 48 at onset.</summary>
    public double DeltaFrs => (48 - BaselineTotal) / DurationMonths;

    /// <summary>A treated patient's baseline: the latest ALSFRS-R in the window before the first course; scores from it to before any second course.</summary>
    public static (ComparisonSubject? Subject, string? Missing) FromPatient(PatientFacts p, int windowDays)
    {
        var start = p.FirstCourse!.Value;
        if (p.OnsetDate is not { } onset) return (null, "no onset date");
        if (Timeline.Baseline(p, start, windowDays) is not { } baseline) return (null, "no baseline ALSFRS-R");
        if (baseline.Date <= onset) return (null, "baseline not after onset");
        var next = Timeline.SecondCourse(p);
        // Counted first, then filled: this runs for every treated patient of the registry on each audit.
        var assessments = p.Assessments;
        var count = 0;
        for (var i = 0; i < assessments.Count; i++)
            if (InFollowUp(assessments[i].Date, baseline.Date, next)) count++;
        var months = new double[count];
        var totals = new double[count];
        for (int i = 0, k = 0; i < assessments.Count; i++)
        {
            var a = assessments[i];
            if (!InFollowUp(a.Date, baseline.Date, next)) continue;
            months[k] = Timeline.Months(baseline.Date, a.Date);
            totals[k++] = a.Total;
        }
        var end = p.FollowUpEnd ?? baseline.Date;
        if (end < baseline.Date) end = baseline.Date;
        double? age = p.DateOfBirth is { } born ? (onset.DayNumber - born.DayNumber) / 365.25 : null;
        return (new ComparisonSubject(
            p.Id.ToString("N"), true, baseline.Total, Timeline.Months(onset, baseline.Date), age, Bulbar(p.OnsetSite),
            months, totals, Timeline.Months(onset, end), p.DateOfDeath is not null), null);
    }

    private static bool InFollowUp(DateOnly date, DateOnly baseline, DateOnly? nextCourse) => date >= baseline && (nextCourse is not { } next || date < next);

    /// <summary>An external subject's baseline: the first ALSFRS-R total; all its scores from there.</summary>
    public static (ComparisonSubject? Subject, string? Missing) FromCohort(CohortSubjectFacts s)
    {
        if (s.OnsetDate is not { } onset) return (null, "no onset date");
        if (s.Scores.Count == 0) return (null, "no ALSFRS-R");
        var baseline = s.Scores[0];
        if (baseline.Date <= onset) return (null, "baseline not after onset");
        // A score after the recorded death is an error in the data: the subject is left out and
        // counted, rather than its death moved or its follow-up stretched past it.
        if (s.DateOfDeath is { } died && s.Scores[^1].Date > died) return (null, "ALSFRS-R dated after death");
        var end = s.DateOfDeath ?? s.LastContact ?? baseline.Date;
        if (s.DateOfDeath is null && s.Scores[^1].Date > end) end = s.Scores[^1].Date;
        double? age = s.AgeAtDayZero is { } a ? a - (s.DayZero.DayNumber - onset.DayNumber) / 365.25 : null;
        return (new ComparisonSubject(
            s.SubjectId, false, baseline.Total, Timeline.Months(onset, baseline.Date), age, s.BulbarOnset,
            s.Scores.Select(x => Timeline.Months(baseline.Date, x.Date)).ToList(), s.Scores.Select(x => x.Total).ToList(),
            Timeline.Months(onset, end), s.DateOfDeath is not null), null);
    }

    /// <summary>Bulbar against limb onset; other sites (respiratory, generalised) have no counterpart in PRO-ACT's two classes.</summary>
    public static bool? Bulbar(OnsetSite? site) => site switch
    {
        OnsetSite.Bulbar => true,
        OnsetSite.UpperLimb or OnsetSite.LowerLimb => false,
        _ => null,
    };
}
