using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Outcomes.Claims;

/// <summary>
/// C4: the cumulative incidence of a second course within a year of the first, death competing
/// (Aalen-Johansen, time from the first course), and the plain share among patients followed
/// the full year (a second course within it, or known alive at its end).
/// C5: among patients followed long enough for three courses at the stated rhythm (or who had
/// three), the share with three or more courses whose every interval lies in 450-730 days.
/// </summary>
internal static class RepeatCourses
{
    private const int Censored = 0, SecondCourse = 1, Death = 2;

    public static (ClaimResult C4, CumulativeIncidenceCurve? Curve) MeasureRepeat(IReadOnlyList<PatientFacts> treated, ClaimsAuditParameters parameters)
    {
        var horizon = parameters.RepeatHorizonDays;
        var times = new List<double>(treated.Count);
        var causes = new List<int>(treated.Count);
        int followedYear = 0, repeatedInYear = 0;
        foreach (var patient in treated)
        {
            var first = patient.FirstCourse!.Value;
            var (days, cause) = patient.CourseStarts.Count > 1 ? (Timeline.Days(first, patient.CourseStarts[1]), SecondCourse)
                : patient.DateOfDeath is { } death ? (Timeline.Days(first, death), Death)
                : (Timeline.Days(first, patient.FollowUpEnd ?? first), Censored);
            times.Add(Math.Max(0, days));
            causes.Add(cause);
            if (cause == SecondCourse && days <= horizon) { followedYear++; repeatedInYear++; }
            else if (days >= horizon) followedYear++;
        }

        var curve = times.Count == 0 ? null : AalenJohansen.Fit(times, causes);
        var measures = new List<ClaimMeasure>
        {
            Incidence($"Cumulative incidence of a second course by day {horizon}", curve, horizon, repeatedInYear, treated.Count, parameters),
            Measures.Share($"Second course within {horizon} days, among patients followed {horizon} days", repeatedInYear, followedYear, parameters),
        };
        return (new ClaimResult(StatedOutcomes.Get("C4"), measures,
        [
            "Time from the first course's start; a death before a second course is a competing event; others are censored at their last contact.",
            $"Followed the full period: a second course within {horizon} days, or known alive {horizon} days after the first course. Patients who died before then without a second course are in the cumulative incidence but not in the plain share.",
        ]), curve);
    }

    /// <summary>
    /// The incidence at the horizon with R's default (log) interval for a multi-state curve:
    /// p·exp(±z·se/p), the upper end capped at 1.
    /// </summary>
    private static ClaimMeasure Incidence(string name, CumulativeIncidenceCurve? curve, int horizon, int events, int n, ClaimsAuditParameters parameters)
    {
        const string method = "Aalen-Johansen, death as competing risk; 95% CI on the log scale";
        if (curve is null || n < parameters.MinimumPatients) return ClaimMeasure.TooFew(name, MeasureKind.CumulativeIncidence, events, n, method);
        var repeat = curve.Causes.FirstOrDefault(c => c.Cause == SecondCourse);
        var index = Array.FindLastIndex(curve.Time, t => t <= horizon);
        var p = repeat is null || index < 0 ? 0 : repeat.Incidence[index];
        // No second course yet: the estimate is 0 and only an upper bound could be given; none is invented.
        if (p <= 0) return new ClaimMeasure(name, MeasureKind.CumulativeIncidence, 0, 0, null, 0, n, method);
        var se = repeat!.StdErr[index];
        const double z = 1.959963984540054;
        return new ClaimMeasure(name, MeasureKind.CumulativeIncidence, p, p * Math.Exp(-z * se / p), Math.Min(1, p * Math.Exp(z * se / p)), events, n, method);
    }

    public static ClaimResult MeasureRhythm(IReadOnlyList<PatientFacts> treated, ClaimsAuditParameters parameters)
    {
        int followed = 0, onRhythm = 0, threeOrMore = 0;
        var needed = 2 * parameters.RhythmToDays;
        foreach (var patient in treated)
        {
            var courses = patient.CourseStarts;
            var followedDays = Timeline.Days(courses[0], patient.FollowUpEnd ?? courses[0]);
            if (courses.Count < 3 && followedDays < needed) continue;
            followed++;
            if (courses.Count < 3) continue;
            threeOrMore++;
            var all = true;
            for (var i = 1; i < courses.Count; i++)
            {
                var gap = Timeline.Days(courses[i - 1], courses[i]);
                if (gap < parameters.RhythmFromDays || gap > parameters.RhythmToDays) { all = false; break; }
            }
            if (all) onRhythm++;
        }
        return new ClaimResult(StatedOutcomes.Get("C5"),
            [Measures.Share($"Three or more courses, every interval {parameters.RhythmFromDays}-{parameters.RhythmToDays} days", onRhythm, followed, parameters)],
            [
                $"Followed long enough: three or more courses, or followed {needed} days (two intervals at the longest stated rhythm) after the first course; {threeOrMore} of them had three or more courses.",
            ]);
    }
}
