using CellTherapyCenter.Outcomes.Claims;
using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Outcomes.Comparison;

/// <summary>Survival from onset in both groups: Kaplan-Meier medians, the log-rank test, and the Cox model adjusted for age at onset, onset site and ΔFRS.</summary>
internal static class CohortSurvival
{
    private const string LogRankMethod = "log-rank test (R survdiff), treated against the external cohort";
    private const string CoxMethod = "Cox proportional hazards (Efron ties), treated against the external cohort, adjusted for age at onset, bulbar against limb onset and ΔFRS at baseline; Wald 95% CI";

    public static (IReadOnlyList<ClaimMeasure> Measures, KaplanMeierCurve? Treated, KaplanMeierCurve? Cohort) Measure(
        List<ComparisonSubject> treated, List<ComparisonSubject> cohort, ClaimsAuditParameters parameters)
    {
        var treatedCurve = Measures.KaplanMeierOrNull(treated.Select(s => s.MonthsFromOnset).ToList(), treated.Select(s => s.Died).ToList());
        var cohortCurve = Measures.KaplanMeierOrNull(cohort.Select(s => s.MonthsFromOnset).ToList(), cohort.Select(s => s.Died).ToList());
        var measures = new List<ClaimMeasure>
        {
            Measures.Median("Median survival from onset, treated patients (months)", treatedCurve, treated.Count, parameters),
            Measures.Median("Median survival from onset, external cohort (months)", cohortCurve, cohort.Count, parameters),
            LogRank(treated, cohort, parameters),
            Cox(treated, cohort, parameters),
        };
        return (measures, treatedCurve, cohortCurve);
    }

    private static ClaimMeasure LogRank(List<ComparisonSubject> treated, List<ComparisonSubject> cohort, ClaimsAuditParameters parameters)
    {
        const string name = "Log-rank test of survival from onset (χ², 1 df)";
        var all = treated.Concat(cohort).ToList();
        var events = all.Count(s => s.Died);
        if (treated.Count < parameters.MinimumPatients || cohort.Count < parameters.MinimumPatients || events == 0)
            return ClaimMeasure.TooFew(name, MeasureKind.ChiSquare, events, all.Count, LogRankMethod) with
            {
                Shortfall = events == 0 && all.Count >= parameters.MinimumPatients ? "no deaths: nothing to test" : $"n = {treated.Count} treated and {cohort.Count} cohort, too few to test",
            };
        var result = LogRankTest.Compute(all.Select(s => s.MonthsFromOnset).ToList(), all.Select(s => s.Died).ToList(),
            all.Select(s => s.Treated ? "treated" : "cohort").ToList());
        var method = $"{LogRankMethod}; treated: {result.Observed["treated"]:0} deaths observed, {result.Expected["treated"]:0.0} expected";
        return new ClaimMeasure(name, MeasureKind.ChiSquare, result.ChiSquare, null, null, events, all.Count, method) { P = result.P };
    }

    private static ClaimMeasure Cox(List<ComparisonSubject> treated, List<ComparisonSubject> cohort, ClaimsAuditParameters parameters)
    {
        const string name = "Hazard ratio of death, treated against the external cohort, adjusted";
        var rows = treated.Concat(cohort).Where(s => s.AgeAtOnset is not null && s.BulbarOnset is not null).ToList();
        var events = rows.Count(s => s.Died);
        var inTreated = rows.Count(s => s.Treated);
        var left = treated.Count + cohort.Count - rows.Count;
        var method = left == 0 ? CoxMethod : $"{CoxMethod}; {left} without age at onset or a bulbar or limb onset left out";
        if (inTreated < parameters.MinimumPatients || rows.Count - inTreated < parameters.MinimumPatients || events == 0)
            return ClaimMeasure.TooFew(name, MeasureKind.HazardRatio, events, rows.Count, method);
        var x = new double[rows.Count, 4];
        for (var i = 0; i < rows.Count; i++)
        {
            x[i, 0] = rows[i].Treated ? 1 : 0;
            x[i, 1] = rows[i].AgeAtOnset!.Value;
            x[i, 2] = rows[i].BulbarOnset!.Value ? 1 : 0;
            x[i, 3] = rows[i].DeltaFrs;
        }
        CoxResult fit;
        try
        {
            fit = CoxModel.Fit(rows.Select(s => s.MonthsFromOnset).ToList(), rows.Select(s => s.Died).ToList(),
                ["treated", "age at onset (years)", "bulbar onset", "ΔFRS (points/month)"], x);
        }
        catch (ArgumentException e)
        {
            return new ClaimMeasure(name, MeasureKind.HazardRatio, null, null, null, events, rows.Count, method, $"not estimable: {e.Message}");
        }
        var group = fit.Coefficients[0];
        if (group.Aliased)
            return new ClaimMeasure(name, MeasureKind.HazardRatio, null, null, null, events, rows.Count, method, "not estimable: the group is determined by the other covariates");
        var others = string.Join(", ", fit.Coefficients.Skip(1).Select(c => c.Aliased ? $"{c.Name} not estimable" : $"{c.Name} HR {c.HazardRatio:0.00} (95% CI {c.Lower:0.00} to {c.Upper:0.00})"));
        method += $"; {others}";
        if (fit.Warnings.Count > 0) method += "; " + string.Join("; ", fit.Warnings);
        return new ClaimMeasure(name, MeasureKind.HazardRatio, group.HazardRatio, group.Lower, group.Upper, events, rows.Count, method) { P = group.P };
    }
}
