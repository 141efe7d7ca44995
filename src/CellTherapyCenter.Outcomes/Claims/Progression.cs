using CellTherapyCenter.Statistics.Means;
using CellTherapyCenter.Statistics.MixedModels;
using CellTherapyCenter.Statistics.Proportions;

namespace CellTherapyCenter.Outcomes.Claims;

/// <summary>
/// "Slows progression": ALSFRS-R slopes before and after the first course. Before: from onset
/// (ΔFRS at the baseline, as a slope: −(48 − total) / months since onset) and, where a patient
/// has two or more scores up to the course, by least squares on them. After: least squares on
/// the scores after the course and before any second course, spanning at least 90 days. Across
/// patients: a REML mixed model (random intercept and slope) on each side. Per patient, like
/// with like (<see cref="Compare"/>): the slope of the measured scores in a span before the
/// course against the slope in the same span after it, as a paired difference and as the share
/// improving by 1.25 points/month or more.
/// </summary>
internal static class Progression
{
    private const string LmmMethod = "REML linear mixed model, random intercept and slope per patient; Wald 95% CI";

    public static ClaimResult Measure(IReadOnlyList<PatientFacts> treated, ClaimsAuditParameters parameters)
    {
        var onsetSlopes = new List<double>();
        var before = new List<double>();
        var after = new List<double>();
        var pre = new SlopeRows();
        var post = new SlopeRows();
        int noBaseline = 0, noPostSlope = 0;
        var notCompared = new Dictionary<string, int>();
        foreach (var (patient, index) in treated.Select((p, i) => (p, i)))
        {
            var start = patient.FirstCourse!.Value;
            var next = Timeline.SecondCourse(patient);
            var baseline = Timeline.Baseline(patient, start, parameters.BaselineWindowDays);
            if (baseline is { } b && patient.OnsetDate is { } onset && b.Date > onset)
                onsetSlopes.Add(-(48 - b.Total) / Timeline.Months(onset, b.Date));
            else noBaseline++;

            var preScores = patient.Assessments.Where(a => a.Date <= start).ToList();
            var postScores = patient.Assessments.Where(a => a.Date > start && (next is null || a.Date < next)).ToList();
            if (preScores.Count >= 2) pre.Add(index, preScores, start);
            if (postScores.Count > 0) post.Add(index, postScores, start);

            if (!(postScores.Count >= 2 && Timeline.Days(postScores[0].Date, postScores[^1].Date) >= parameters.MinimumSlopeSpanDays)) noPostSlope++;
            var (pair, reason) = Compare(preScores, postScores, start, baseline, parameters);
            if (pair is { } p)
            {
                before.Add(p.Before);
                after.Add(p.After);
            }
            else notCompared[reason!] = notCompared.GetValueOrDefault(reason!) + 1;
        }

        var responders = before.Zip(after).Count(x => x.Second - x.First >= parameters.SlopeResponsePointsPerMonth);
        // The two mixed models are the longest part of the audit and independent: fitted side by side.
        var postModel = Task.Run(() => Mixed("Slope after the first course, mixed model (points/month)", post, parameters));
        var preModel = Mixed("Slope before the first course, mixed model on pre-course scores (points/month)", pre, parameters);
        var measures = new List<ClaimMeasure>
        {
            postModel.Result,
            Mean("Slope before the first course, from onset (ΔFRS; points/month)", onsetSlopes, parameters),
            preModel,
            Difference("Change in slope, after − before, per patient, measured scores over the same span on each side (points/month)", before, after, parameters),
            Measures.Share($"Slope improved by at least {parameters.SlopeResponsePointsPerMonth} points/month", responders, before.Count, parameters),
        };
        return new ClaimResult(StatedOutcomes.Get("P"), measures,
        [
            $"Time in months from the first course's start. {noBaseline} treated patients have no baseline score with an onset date; {noPostSlope} have no post-course slope (two or more scores over at least {parameters.MinimumSlopeSpanDays} days before any second course).",
            "A slope from onset (ΔFRS) assumes a score of 48 at onset; it is not a measured decline, and a rate from onset underestimates later decline. It describes the patients and is not compared with the slope after the course.",
            $"The change in slope and the share improved compare like with like, per patient: the least-squares slope of the scores measured up to {parameters.SlopeComparisonDays} days before the first course (the baseline included; two or more, spanning at least {parameters.MinimumSlopeSpanDays} days) against the slope of the scores in the same span after it, before any second course (two or more, spanning at least {parameters.MinimumSlopeSpanDays} days). The ALSFRS-R stops at 0, so a score near the floor can only flatten: patients with a baseline below {parameters.SlopeComparisonMinimumBaseline} points are left out. With no effect the change centres on 0. "
                + $"{before.Count} patients compared; not compared: {NotCompared(notCompared)}.",
            "The two mixed models describe each side on its own, over different patients and spans: the one after the course covers all follow-up to any second course, where scores near the floor of 0 flatten. A difference between them is not a change in slope; the per-patient change in slope is.",
            "Without a comparison group a change in slope is not evidence of an effect. Slopes measured over a few months wander by about 0.6 points/month (SD), so some patients \"improve\" by chance; patients who come for treatment at a moment of fast decline tend to return to their usual rate afterwards (regression to the mean).",
        ]);
    }

    /// <summary>
    /// One patient's slopes before and after the first course over the same span: before, the
    /// scores from <see cref="ClaimsAuditParameters.SlopeComparisonDays"/> before the course up to
    /// its start (the baseline the latest of them); after, the scores from the start to as many
    /// days after it as the first of those lies before it, and before any second course. Each side
    /// needs two scores spanning <see cref="ClaimsAuditParameters.MinimumSlopeSpanDays"/>. Null,
    /// with the reason, when the patient cannot be compared.
    /// </summary>
    private static ((double Before, double After)? Pair, string? Reason) Compare(List<AssessmentFact> preScores, List<AssessmentFact> postScores,
        DateOnly start, AssessmentFact? baseline, ClaimsAuditParameters parameters)
    {
        var before = preScores.Where(a => Timeline.Days(a.Date, start) <= parameters.SlopeComparisonDays).ToList();
        if (before.Count < 2 || Timeline.Days(before[0].Date, before[^1].Date) < parameters.MinimumSlopeSpanDays)
            return (null, "no two measured scores before the course");
        if (baseline is not { } b) return (null, "no baseline");
        if (b.Total < parameters.SlopeComparisonMinimumBaseline) return (null, "baseline near the floor");
        var span = Timeline.Days(before[0].Date, start);
        var after = postScores.Where(a => Timeline.Days(start, a.Date) <= span).ToList();
        if (after.Count < 2 || Timeline.Days(after[0].Date, after[^1].Date) < parameters.MinimumSlopeSpanDays)
            return (null, "no two scores in the same span after the course");
        return ((Slope(before, start)!.Slope, Slope(after, start)!.Slope), null);
    }

    private static string NotCompared(Dictionary<string, int> reasons) =>
        reasons.Count == 0 ? "none" : string.Join("; ", reasons.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Value} {r.Key}"));

    private static LeastSquaresSlope? Slope(List<AssessmentFact> scores, DateOnly origin) => scores.Count < 2 ? null :
        LeastSquaresSlope.Fit(scores.Select(a => Timeline.Months(origin, a.Date)).ToArray(), scores.Select(a => (double)a.Total).ToArray());

    private static ClaimMeasure Mixed(string name, SlopeRows rows, ClaimsAuditParameters parameters)
    {
        if (rows.Subjects < Math.Max(3, parameters.MinimumPatients)) return ClaimMeasure.TooFew(name, MeasureKind.SlopePerMonth, null, rows.Subjects, LmmMethod);
        RandomSlopeFit fit;
        try
        {
            fit = RandomSlopeModel.Fit(rows.Subject, rows.Months, rows.Total, "months", "patient");
        }
        catch (Exception e) when (e is UnidentifiableModelException or ArgumentException or InvalidOperationException)
        {
            // As lmer refuses it (e.g. every patient with a diagnosis visit and a baseline only): the reason, not a figure.
            return new ClaimMeasure(name, MeasureKind.SlopePerMonth, null, null, null, null, rows.Subjects, LmmMethod, $"not estimable: {e.Message}");
        }
        var half = 1.959963984540054 * fit.Slope.StandardError;
        // A singular fit (lme4's isSingular) or one without residual noise is said beside the method, where the figure is read.
        var method = LmmMethod;
        if (fit.ResidualSd == 0) method += "; " + RandomSlopeModel.NoNoiseWarning;
        if (fit.IsSingular) method += "; singular fit (lme4's isSingular): a random-effect variance is estimated as zero or the intercept-slope correlation as ±1";
        return new ClaimMeasure(name, MeasureKind.SlopePerMonth, fit.Slope.Estimate, fit.Slope.Estimate - half, fit.Slope.Estimate + half, null, fit.Subjects, method);
    }

    private static ClaimMeasure Mean(string name, List<double> values, ClaimsAuditParameters parameters)
    {
        const string method = "mean with t-based 95% CI";
        if (values.Count < Math.Max(2, parameters.MinimumPatients)) return ClaimMeasure.TooFew(name, MeasureKind.SlopePerMonth, null, values.Count, method);
        var interval = MeanInterval.Of(values);
        return new ClaimMeasure(name, MeasureKind.SlopePerMonth, interval.Mean, interval.Lower, interval.Upper, null, values.Count, method);
    }

    private static ClaimMeasure Difference(string name, List<double> before, List<double> after, ClaimsAuditParameters parameters)
    {
        const string method = "paired difference of least-squares slopes over the same span before and after, t-based 95% CI";
        if (before.Count < Math.Max(2, parameters.MinimumPatients)) return ClaimMeasure.TooFew(name, MeasureKind.SlopePerMonth, null, before.Count, method);
        var d = PairedDifference.Of(before, after);
        return new ClaimMeasure(name, MeasureKind.SlopePerMonth, d.Mean, d.Lower, d.Upper, null, d.N, method);
    }

    /// <summary>Long-format rows (patient, months from the first course, total) for the mixed model.</summary>
    private sealed class SlopeRows
    {
        public List<int> Subject { get; } = [];
        public List<double> Months { get; } = [];
        public List<double> Total { get; } = [];
        public int Subjects { get; private set; }

        public void Add(int subject, List<AssessmentFact> scores, DateOnly origin)
        {
            Subjects++;
            foreach (var a in scores)
            {
                Subject.Add(subject);
                Months.Add(Timeline.Months(origin, a.Date));
                Total.Add(a.Total);
            }
        }
    }
}
