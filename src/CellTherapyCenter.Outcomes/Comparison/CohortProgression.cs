using CellTherapyCenter.Statistics.MixedModels;

namespace CellTherapyCenter.Outcomes.Comparison;

/// <summary>The slopes of both groups and their difference from one mixed model with a group-by-time term.</summary>
internal static class CohortProgression
{
    private const string Method = "REML linear mixed model over both groups, alsfrs ~ months × treated + (months | subject); Wald 95% CI";

    public static IReadOnlyList<ClaimMeasure> Measure(List<ComparisonSubject> kept, int treated, int cohort, ClaimsAuditParameters parameters)
    {
        const string cohortName = "Slope of the external cohort from its baseline (points/month)";
        const string treatedName = "Slope of treated patients from the first course's baseline (points/month)";
        const string differenceName = "Difference in slope, treated − external cohort (points/month)";
        if (treated < Math.Max(3, parameters.MinimumPatients) || cohort < Math.Max(3, parameters.MinimumPatients))
            return
            [
                ClaimMeasure.TooFew(cohortName, MeasureKind.SlopePerMonth, null, cohort, Method),
                ClaimMeasure.TooFew(treatedName, MeasureKind.SlopePerMonth, null, treated, Method),
                ClaimMeasure.TooFew(differenceName, MeasureKind.SlopePerMonth, null, treated + cohort, Method),
            ];
        var subject = new List<int>();
        var months = new List<double>();
        var total = new List<double>();
        var inGroup = new List<bool>();
        for (var i = 0; i < kept.Count; i++)
            for (var k = 0; k < kept[i].Months.Count; k++)
            {
                subject.Add(i);
                months.Add(kept[i].Months[k]);
                total.Add(kept[i].Totals[k]);
                inGroup.Add(kept[i].Treated);
            }
        GroupSlopeFit fit;
        try
        {
            fit = GroupSlopeModel.Fit(subject, months, total, inGroup, "months", "treated", "subject");
        }
        catch (Exception e) when (e is UnidentifiableModelException or ArgumentException or InvalidOperationException)
        {
            var why = $"not estimable: {e.Message}";
            return
            [
                new(cohortName, MeasureKind.SlopePerMonth, null, null, null, null, cohort, Method, why),
                new(treatedName, MeasureKind.SlopePerMonth, null, null, null, null, treated, Method, why),
                new(differenceName, MeasureKind.SlopePerMonth, null, null, null, null, treated + cohort, Method, why),
            ];
        }
        var method = Method;
        if (fit.IsSingular) method += "; singular fit (lme4's isSingular): a random-effect variance is estimated as zero or the intercept-slope correlation as ±1";
        return
        [
            Wald(cohortName, fit.Slope, cohort, method, withP: false),
            Wald(treatedName, fit.GroupSlope, treated, method, withP: false),
            Wald(differenceName, fit.SlopeDifference, treated + cohort, method, withP: true),
        ];
    }

    private static ClaimMeasure Wald(string name, FixedEffect effect, int n, string method, bool withP) =>
        new(name, MeasureKind.SlopePerMonth, effect.Estimate, effect.WaldLower, effect.WaldUpper, null, n, method) { P = withP ? effect.P : null };
}
