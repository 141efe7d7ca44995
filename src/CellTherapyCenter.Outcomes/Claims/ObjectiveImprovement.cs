using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Outcomes.Claims;

/// <summary>
/// C2: among treated patients whose response window after the first course (days 14-75 by
/// default) has closed, the share with an ALSFRS-R rated at a visit in the window at least
/// 2 points above the course baseline, or with a clinician-recorded improvement in an
/// examination domain; each part also on its own, over the patients that part can be judged in.
/// C3: for C2 responders with a baseline score, months from the response to the first visit at
/// or below baseline (Kaplan-Meier), censored at the last visit or at the next course.
/// </summary>
internal static class ObjectiveImprovement
{
    public static (ClaimResult C2, ClaimResult C3, KaplanMeierCurve? Durability) Measure(
        IReadOnlyList<PatientFacts> treated, DateOnly dataDate, ClaimsAuditParameters parameters)
    {
        int windowOpen = 0, notJudged = 0;
        int judged = 0, responders = 0, scoreJudged = 0, scoreResponders = 0, examJudged = 0, examResponders = 0;
        var durationTime = new List<double>();
        var durationEvent = new List<bool>();
        int respondersWithoutBaseline = 0;
        foreach (var patient in treated)
        {
            var start = patient.FirstCourse!.Value;
            var from = start.AddDays(parameters.ResponseWindowFromDays);
            var to = start.AddDays(parameters.ResponseWindowToDays);
            if (to > dataDate) { windowOpen++; continue; }
            var next = Timeline.SecondCourse(patient);
            bool InWindow(DateOnly d) => d >= from && d <= to && (next is null || d < next);

            var baseline = Timeline.Baseline(patient, start, parameters.BaselineWindowDays);
            var scores = patient.Assessments.Where(a => a.AtVisit && InWindow(a.Date)).ToList();
            var exams = patient.Visits.Where(v => v.ExaminationFindings > 0 && InWindow(v.Date)).ToList();
            var scoreCanJudge = baseline is not null && scores.Count > 0;
            if (!scoreCanJudge && exams.Count == 0) { notJudged++; continue; }

            judged++;
            DateOnly? scoreResponse = null, examResponse = null;
            if (scoreCanJudge)
            {
                scoreJudged++;
                var threshold = baseline!.Value.Total + parameters.ResponsePoints;
                var hit = scores.Where(a => a.Total >= threshold).Select(a => (DateOnly?)a.Date).FirstOrDefault();
                if (hit is not null) { scoreResponders++; scoreResponse = hit; }
            }
            if (exams.Count > 0)
            {
                examJudged++;
                var hit = exams.FirstOrDefault(v => v.ExaminationImprovements > 0);
                if (hit is not null) { examResponders++; examResponse = hit.Date; }
            }
            if (scoreResponse is null && examResponse is null) continue;
            responders++;

            var responseDate = Earliest(scoreResponse, examResponse);
            if (baseline is null) { respondersWithoutBaseline++; continue; }
            var (months, ended) = Durability(patient, responseDate, baseline.Value.Total, next);
            durationTime.Add(months);
            durationEvent.Add(ended);
        }

        var c2 = new ClaimResult(StatedOutcomes.Get("C2"),
        [
            Measures.Share("Objective improvement (either part)", responders, judged, parameters),
            Measures.Share($"ALSFRS-R at least {parameters.ResponsePoints} points above baseline", scoreResponders, scoreJudged, parameters),
            Measures.Share("Clinician-recorded improvement in an examination domain", examResponders, examJudged, parameters),
        ],
        [
            $"Window: days {parameters.ResponseWindowFromDays}-{parameters.ResponseWindowToDays} after the first course's start, ALSFRS-R rated at clinic visits; baseline: the latest ALSFRS-R up to {parameters.BaselineWindowDays} days before the start.",
            $"{windowOpen} treated patients are still inside the window and are not yet counted; {notJudged} have neither a baseline and an ALSFRS-R in the window nor an examination in it.",
        ]);

        var curve = Measures.KaplanMeierOrNull(durationTime, durationEvent);
        var c3 = new ClaimResult(StatedOutcomes.Get("C3"),
            [Measures.Median("Months from response to a score at or below baseline", curve, durationTime.Count, parameters)],
            [
                $"Of {responders} responders, {durationTime.Count} have a baseline ALSFRS-R; {respondersWithoutBaseline} (examination responders without one) cannot be followed.",
                "Censored at the last ALSFRS-R rated at a visit, or at the start of the next course.",
            ]);
        return (c2, c3, curve);
    }

    private static DateOnly Earliest(DateOnly? a, DateOnly? b) =>
        a is { } x && b is { } y ? (x < y ? x : y) : (a ?? b)!.Value;

    private static (double Months, bool Ended) Durability(PatientFacts patient, DateOnly response, int baselineTotal, DateOnly? nextCourse)
    {
        var last = response;
        foreach (var a in patient.Assessments)
        {
            if (!a.AtVisit || a.Date <= response) continue;
            if (nextCourse is { } next && a.Date >= next) break;
            if (a.Total <= baselineTotal) return (Timeline.Months(response, a.Date), true);
            last = a.Date;
        }
        return (Timeline.Months(response, last), false);
    }
}
