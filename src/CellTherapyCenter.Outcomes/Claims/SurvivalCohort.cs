using CellTherapyCenter.Statistics.Prediction;
using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Outcomes.Claims;

/// <summary>
/// Survival of a group of patients from their first course: Kaplan-Meier for death, and for the
/// ENCALS composite (death, tracheostomy, permanent ventilation) against each patient's ENCALS
/// prediction, as observed/expected events and an expected curve. Patients who already had a
/// tracheostomy or permanent ventilation at the first course are outside the composite comparison
/// (the model predicts the first of these events) and are counted.
/// </summary>
public sealed record SurvivalCohort(
    int Patients,
    KaplanMeierCurve? Death,
    KaplanMeierCurve? EventFree,
    ObservedExpected? ObservedExpected,
    ExpectedSurvival? Expected,
    int AlreadyVentilated,
    int OnsetAfterFirstCourse = 0)
{
    private const int ExpectedHorizonMonths = 120;

    internal static SurvivalCohort FromFirstCourse(IReadOnlyList<PatientFacts> patients, int predictorWindowDays)
    {
        var deathTime = new List<double>(patients.Count);
        var deathEvent = new List<bool>(patients.Count);
        var freeTime = new List<double>(patients.Count);
        var freeEvent = new List<bool>(patients.Count);
        var followUps = new List<FollowUp>(patients.Count);
        int alreadyVentilated = 0, onsetAfterCourse = 0;
        foreach (var p in patients)
        {
            var entry = p.FirstCourse!.Value;
            var end = p.FollowUpEnd ?? entry;
            if (end < entry) end = entry;
            deathTime.Add(Timeline.Months(entry, end));
            deathEvent.Add(p.DateOfDeath is not null);

            var composite = EncalsInputs.CompositeEvent(p);
            if (composite <= entry) { alreadyVentilated++; continue; }
            var exit = composite is { } c && c < end ? c : end;
            freeTime.Add(Timeline.Months(entry, exit));
            freeEvent.Add(composite is not null && composite <= end);
            // An onset recorded after the first course is a data error: no prediction can be anchored on it.
            if (p.OnsetDate > entry) { onsetAfterCourse++; continue; }
            var onset = p.OnsetDate ?? entry;
            followUps.Add(new FollowUp(EncalsInputs.For(p, predictorWindowDays), Timeline.Months(onset, entry), Timeline.Months(onset, exit), composite is not null && composite <= end));
        }
        var oe = followUps.Count == 0 ? null : ObservedExpected.Compute(followUps);
        var horizon = Math.Min(ExpectedHorizonMonths, freeTime.Count == 0 ? 0 : (int)Math.Ceiling(freeTime.Max()));
        return new SurvivalCohort(patients.Count,
            Measures.KaplanMeierOrNull(deathTime, deathEvent),
            Measures.KaplanMeierOrNull(freeTime, freeEvent),
            oe, ExpectedCurve(followUps, horizon), alreadyVentilated, onsetAfterCourse);
    }

    /// <summary>Mean over predictable patients of Sᵢ(entryᵢ + t) / Sᵢ(entryᵢ), t = 0, 1, ... months.</summary>
    /// <remarks>
    /// Entry times are whole days from onset, so thousands of patients share each one: the
    /// model's baseline odds along the curve are computed once per distinct entry, and each
    /// patient's survival is then 1 / (1 + odds · exp(LPᵢ)) (the model is proportional odds).
    /// </remarks>
    private static ExpectedSurvival? ExpectedCurve(List<FollowUp> followUps, int horizon)
    {
        var predicted = followUps
            .Select(f => (f.EntryMonths, Prediction: EncalsPrediction.For(f.Predictors)))
            .Where(x => x.Prediction.IsPredictable)
            .ToArray();
        if (predicted.Length == 0) return null;
        var oddsByEntry = new Dictionary<double, double[]>();
        var sums = new double[horizon + 1];
        foreach (var (entry, prediction) in predicted)
        {
            if (!oddsByEntry.TryGetValue(entry, out var odds))
            {
                odds = new double[horizon + 1];
                for (var t = 0; t <= horizon; t++) odds[t] = EncalsModel.BaselineOdds(Math.Max(entry + t, 1e-3));
                oddsByEntry[entry] = odds;
            }
            var relativeOdds = Math.Exp(prediction.LinearPredictor!.Value);
            var atEntry = 1 / (1 + odds[0] * relativeOdds);
            for (var t = 0; t <= horizon; t++)
                sums[t] += 1 / (1 + odds[t] * relativeOdds) / atEntry;
        }
        return new ExpectedSurvival(predicted.Length,
            Enumerable.Range(0, horizon + 1).Select(t => (double)t).ToArray(),
            sums.Select(s => s / predicted.Length).ToArray());
    }

    /// <summary>O/E as a claim measure: the exact Poisson interval, or "too few" under the minimum.</summary>
    internal ClaimMeasure ObservedExpectedMeasure(string name, ClaimsAuditParameters parameters)
    {
        const string method = "observed / ENCALS-expected events (death, tracheostomy or permanent ventilation, whichever comes first), exact Poisson 95% CI";
        var oe = ObservedExpected;
        if (oe is null || oe.Included < parameters.MinimumPatients || !(oe.Expected > 0))
            return ClaimMeasure.TooFew(name, MeasureKind.Ratio, oe?.Observed, oe?.Included ?? 0, method);
        return new ClaimMeasure(name, MeasureKind.Ratio, oe.Ratio, oe.Lower, oe.Upper, oe.Observed, oe.Included, method);
    }

    internal IEnumerable<string> Notes()
    {
        if (ObservedExpected is { } oe)
        {
            yield return $"Observed {oe.Observed} events against {oe.Expected:0.0} expected among {oe.Included} patients with an ENCALS prediction (predictors at diagnosis; ALSFRS-R and FVC from the first record within the window around it).";
            yield return "An event is what the ENCALS model predicts: death, tracheostomy or permanent ventilation, whichever comes first; the median survival counts deaths only.";
            foreach (var (reason, count) in oe.Exclusions.OrderByDescending(e => e.Value))
                yield return $"{count} excluded, {reason}.";
        }
        if (OnsetAfterFirstCourse > 0)
            yield return $"{OnsetAfterFirstCourse} excluded, onset recorded after the first course (to be corrected in the registry).";
        if (AlreadyVentilated > 0)
            yield return $"{AlreadyVentilated} already had a tracheostomy or permanent ventilation at the first course: outside the ENCALS comparison, inside the survival curve.";
        yield return "A ratio below 1 means fewer events than predicted for the same patients. Patients who reach a clinic for treatment are selected (alive, able to travel): a ratio below 1 can come from that selection rather than from the treatment.";
    }
}
