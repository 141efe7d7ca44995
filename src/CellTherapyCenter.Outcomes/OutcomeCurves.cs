using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Clinical.Text;
using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Outcomes;

/// <summary>One group's Kaplan-Meier curve, labelled for a legend.</summary>
public sealed record LabelledCurve(string Label, KaplanMeierCurve Curve);

/// <summary>One patient's ALSFRS-R totals, in months from the first course (negative before it).</summary>
public sealed record PatientScores(IReadOnlyList<double> Months, IReadOnlyList<double> Total);

/// <summary>
/// The curves and trajectories the analytics plots draw, from the same patients and definitions
/// as the audit: survival from the first course (death; censored at the last contact) by group,
/// and ALSFRS-R totals around the first course.
/// </summary>
public static class OutcomeCurves
{
    public static IReadOnlyList<LabelledCurve> SurvivalByKingsStage(IReadOnlyList<PatientFacts> treated, ClaimsAuditParameters parameters) =>
        Grouped(treated, p => ClaimsAudit.BaselineKingsStage(p, parameters) is { } stage ? $"King's {stage}" : null,
            ["King's 1", "King's 2", "King's 3", "King's 4A", "King's 4B"]);

    public static IReadOnlyList<LabelledCurve> SurvivalByOnsetSite(IReadOnlyList<PatientFacts> treated) =>
        Grouped(treated, p => p.OnsetSite is { } site ? EnumText.Describe(site) : null,
            Enum.GetValues<OnsetSite>().Select(s => EnumText.Describe(s)).ToArray());

    /// <summary>Each patient's scores from the first course's perspective, for spaghetti and mean plots.</summary>
    public static IReadOnlyList<PatientScores> ScoresAroundFirstCourse(IReadOnlyList<PatientFacts> treated) =>
        treated.Where(p => p.Assessments.Count > 0)
            .Select(p => new PatientScores(
                p.Assessments.Select(a => Timeline.Months(p.FirstCourse!.Value, a.Date)).ToArray(),
                p.Assessments.Select(a => (double)a.Total).ToArray()))
            .ToList();

    private static IReadOnlyList<LabelledCurve> Grouped(IReadOnlyList<PatientFacts> treated, Func<PatientFacts, string?> group, string[] order)
    {
        var curves = new List<LabelledCurve>();
        foreach (var g in treated.GroupBy(group).Where(g => g.Key is not null).OrderBy(g => Array.IndexOf(order, g.Key)))
        {
            var time = g.Select(p => Math.Max(0, Timeline.Months(p.FirstCourse!.Value, p.FollowUpEnd ?? p.FirstCourse!.Value))).ToArray();
            var died = g.Select(p => p.DateOfDeath is not null).ToArray();
            curves.Add(new LabelledCurve(g.Key!, KaplanMeier.Fit(time, died, ConfidenceType.LogLog)));
        }
        return curves;
    }
}
