using CellTherapyCenter.Statistics.Proportions;
using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Outcomes.Claims;

/// <summary>Builds measures, refusing to estimate from fewer patients than the audit's minimum.</summary>
internal static class Measures
{
    public const string WilsonMethod = "share with Wilson 95% CI";

    public static ClaimMeasure Share(string name, int numerator, int denominator, ClaimsAuditParameters parameters)
    {
        if (denominator < parameters.MinimumPatients)
            return ClaimMeasure.TooFew(name, MeasureKind.Proportion, numerator, denominator, WilsonMethod);
        var p = Proportion.Wilson(numerator, denominator);
        return new ClaimMeasure(name, MeasureKind.Proportion, p.Estimate, p.Lower, p.Upper, numerator, denominator, WilsonMethod);
    }

    /// <summary>A Kaplan-Meier median in months; its absence is said in words, never printed as a number.</summary>
    public static ClaimMeasure Median(string name, KaplanMeierCurve? curve, int n, ClaimsAuditParameters parameters)
    {
        const string method = "Kaplan-Meier median, 95% CI from the log-log interval";
        if (curve is null || n < parameters.MinimumPatients)
            return ClaimMeasure.TooFew(name, MeasureKind.MedianMonths, curve?.Events, n, method);
        if (double.IsNaN(curve.Median))
            return new ClaimMeasure(name, MeasureKind.MedianMonths, null, null, Finite(curve.MedianLower), curve.Events, n, method,
                $"median not reached: survival stays above 50% ({curve.Events} events among {n})");
        return new ClaimMeasure(name, MeasureKind.MedianMonths, curve.Median, Finite(curve.MedianLower), Finite(curve.MedianUpper), curve.Events, n, method);
    }

    /// <summary>The Kaplan-Meier fit, or null for an empty group (it has no curve).</summary>
    public static KaplanMeierCurve? KaplanMeierOrNull(IReadOnlyList<double> time, IReadOnlyList<bool> @event) =>
        time.Count == 0 ? null : KaplanMeier.Fit(time, @event, ConfidenceType.LogLog);

    /// <summary>An interval end R prints as NA (the curve never crosses the bound) is left open.</summary>
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
