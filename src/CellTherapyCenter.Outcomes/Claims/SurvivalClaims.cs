namespace CellTherapyCenter.Outcomes.Claims;

/// <summary>
/// C6 (advanced disease at the first course, King's stage 4A or 4B) and the overall claim
/// "prolongs life": Kaplan-Meier survival (death), and observed against ENCALS-expected events
/// (death, tracheostomy or permanent ventilation, whichever comes first).
/// </summary>
internal static class SurvivalClaims
{
    public static (ClaimResult C6, SurvivalCohort Cohort) MeasureAdvanced(IReadOnlyList<PatientFacts> treated, ClaimsAuditParameters parameters)
    {
        var advanced = treated.Where(p => Timeline.IsAdvanced(Timeline.BaselineKingsStage(p, parameters.BaselineWindowDays))).ToList();
        var cohort = SurvivalCohort.FromFirstCourse(advanced, parameters.PredictorWindowDays);
        var measures = new List<ClaimMeasure>
        {
            Measures.Median("Median survival from the first course, King's stage 4A/4B at baseline (months)", cohort.Death, advanced.Count, parameters),
            cohort.ObservedExpectedMeasure("Observed / expected death, tracheostomy or permanent ventilation, King's stage 4A/4B", parameters),
        };
        var notes = new List<string>
        {
            $"King's stage at the first course: from the baseline ALSFRS-R, raised to 4A by a gastrostomy and to 4B by permanent ventilation or tracheostomy recorded by then; {advanced.Count} of {treated.Count} treated patients.",
            "The clinic's statement (more than five years longer) would need a median survival from the first course of over 60 months beyond expectation.",
        };
        notes.AddRange(cohort.Notes());
        return (new ClaimResult(StatedOutcomes.Get("C6"), measures, notes), cohort);
    }

    public static (ClaimResult Survival, SurvivalCohort FromFirstCourse, Statistics.Survival.KaplanMeierCurve? FromOnset) MeasureOverall(
        IReadOnlyList<PatientFacts> treated, ClaimsAuditParameters parameters)
    {
        var fromCourse = SurvivalCohort.FromFirstCourse(treated, parameters.PredictorWindowDays);
        var withOnset = treated.Where(p => p.OnsetDate is not null).ToList();
        var onsetTime = withOnset.Select(p => Math.Max(0, Timeline.Months(p.OnsetDate!.Value, p.FollowUpEnd ?? p.OnsetDate!.Value))).ToList();
        var onsetEvent = withOnset.Select(p => p.DateOfDeath is not null).ToList();
        var fromOnset = Measures.KaplanMeierOrNull(onsetTime, onsetEvent);
        var measures = new List<ClaimMeasure>
        {
            fromCourse.ObservedExpectedMeasure("Observed / expected death, tracheostomy or permanent ventilation after the first course (ENCALS)", parameters),
            Measures.Median("Median survival from the first course (months)", fromCourse.Death, treated.Count, parameters),
            Measures.Median("Median survival from onset, treated patients (months)", fromOnset, withOnset.Count, parameters),
        };
        var notes = new List<string>
        {
            "Survival from onset counts only patients who lived to be treated (immortal time): it is longer than the natural-history median by construction, and is shown for description, not as evidence.",
        };
        notes.AddRange(fromCourse.Notes());
        return (new ClaimResult(StatedOutcomes.Get("S"), measures, notes), fromCourse, fromOnset);
    }
}
