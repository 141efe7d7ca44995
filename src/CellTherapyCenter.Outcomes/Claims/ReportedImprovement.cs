using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Clinical.Text;

namespace CellTherapyCenter.Outcomes.Claims;

/// <summary>
/// C1: among treated patients who rated their symptoms at a visit after the first course (the
/// first such visit, before any second course), the share rating at least one of the five C1
/// aspects "minimally improved" or better. Each aspect is reported on its own as well.
/// </summary>
internal static class ReportedImprovement
{
    public static ClaimResult Measure(IReadOnlyList<PatientFacts> treated, ClaimsAuditParameters parameters)
    {
        var aspects = ChangeRatings.ClaimC1Aspects;
        int evaluable = 0, improved = 0, notRated = 0;
        var rated = new int[aspects.Count];
        var improvedPerAspect = new int[aspects.Count];
        foreach (var patient in treated)
        {
            var first = patient.FirstCourse!.Value;
            var next = Timeline.SecondCourse(patient);
            var visit = patient.Visits.FirstOrDefault(v => v.Date > first && (next is null || v.Date < next)
                && aspects.Any(v.ReportedChanges.ContainsKey));
            if (visit is null) { notRated++; continue; }
            evaluable++;
            var any = false;
            for (var i = 0; i < aspects.Count; i++)
            {
                if (!visit.ReportedChanges.TryGetValue(aspects[i], out var rating)) continue;
                rated[i]++;
                if (!ChangeRatings.IsImprovement(rating)) continue;
                improvedPerAspect[i]++;
                any = true;
            }
            if (any) improved++;
        }

        var measures = new List<ClaimMeasure> { Measures.Share("Improvement reported in at least one of the five aspects", improved, evaluable, parameters) };
        for (var i = 0; i < aspects.Count; i++)
            measures.Add(Measures.Share($"{EnumText.Describe(aspects[i])} reported improved", improvedPerAspect[i], rated[i], parameters));
        return new ClaimResult(StatedOutcomes.Get("C1"), measures,
        [
            $"{notRated} of {treated.Count} treated patients have no ratings of change at a visit after their first course and are not counted.",
            "Improvement: \"minimally improved\" or better on the 7-point scale, at the first visit after the first course that has ratings.",
        ]);
    }
}
