namespace CellTherapyCenter.Clinical.Progression;

public enum ProgressionCategory
{
    /// <summary>ΔFRS &lt; 0.5 points/month.</summary>
    Slow,
    /// <summary>0.5 ≤ ΔFRS &lt; 1.0.</summary>
    Intermediate,
    /// <summary>ΔFRS ≥ 1.0.</summary>
    Fast,
}

/// <summary>Rates of ALSFRS-R change in points per month (<see cref="ClinicalMonth"/>).</summary>
public static class ProgressionRate
{
    public const int MaximumTotal = 48;

    /// <summary>
    /// ΔFRS = (48 - total) / months from symptom onset to the assessment (Kimura 2006). Null when the
    /// assessment is not after onset, since the rate is then undefined.
    /// </summary>
    public static double? DeltaFrs(int total, DateOnly onset, DateOnly assessed)
    {
        if (total is < 0 or > MaximumTotal)
            throw new ArgumentOutOfRangeException(nameof(total), total, "An ALSFRS-R total lies in 0-48.");
        var months = ClinicalMonth.Between(onset, assessed);
        return months <= 0 ? null : (MaximumTotal - total) / months;
    }

    /// <summary>Kimura 2006 cut-offs: &lt; 0.5 slow, 0.5-1.0 intermediate, ≥ 1.0 fast.</summary>
    public static ProgressionCategory Categorise(double deltaFrs) =>
        deltaFrs < 0.5 ? ProgressionCategory.Slow : deltaFrs < 1.0 ? ProgressionCategory.Intermediate : ProgressionCategory.Fast;

    /// <summary>
    /// Least-squares slope of the total over time in points per month (negative means decline).
    /// Null with fewer than two points or when all points fall on one day.
    /// </summary>
    public static double? LeastSquaresSlope(IEnumerable<(DateOnly Date, double Total)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var list = points.ToList();
        if (list.Count < 2) return null;
        var origin = list.Min(p => p.Date);
        return Statistics.MixedModels.LeastSquaresSlope.Fit(
            list.Select(p => ClinicalMonth.Between(origin, p.Date)).ToArray(), list.Select(p => p.Total).ToArray())?.Slope;
    }
}
