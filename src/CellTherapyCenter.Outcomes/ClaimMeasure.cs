namespace CellTherapyCenter.Outcomes;

public enum MeasureKind
{
    /// <summary>A share (0-1) with a Wilson interval.</summary>
    Proportion,
    /// <summary>A cumulative incidence (0-1) at a horizon.</summary>
    CumulativeIncidence,
    /// <summary>A Kaplan-Meier median in months.</summary>
    MedianMonths,
    /// <summary>Observed / expected events.</summary>
    Ratio,
    /// <summary>ALSFRS-R points per month.</summary>
    SlopePerMonth,
    /// <summary>A hazard ratio from a Cox model, with its Wald interval.</summary>
    HazardRatio,
    /// <summary>A test's chi-square statistic (no interval; its p-value in <see cref="ClaimMeasure.P"/>).</summary>
    ChiSquare,
}

/// <summary>
/// One computed figure of a claim. <see cref="Estimate"/> is null when there is too little data
/// (<see cref="Shortfall"/> then says why, e.g. "n = 3, too few to estimate") or when the figure
/// does not exist (a median the curve never reaches).
/// </summary>
/// <param name="Numerator">Patients counted in the figure, for shares and events.</param>
/// <param name="Denominator">The patients the figure is computed over (n).</param>
public sealed record ClaimMeasure(
    string Name,
    MeasureKind Kind,
    double? Estimate,
    double? Lower,
    double? Upper,
    int? Numerator,
    int Denominator,
    string Method,
    string? Shortfall = null)
{
    public bool IsEstimated => Estimate is not null;

    /// <summary>The two-sided p-value of a test or of a difference between groups; null where none is computed.</summary>
    public double? P { get; init; }

    internal static ClaimMeasure TooFew(string name, MeasureKind kind, int? numerator, int denominator, string method) =>
        new(name, kind, null, null, null, numerator, denominator, method, $"n = {denominator}, too few to estimate");
}

/// <summary>One stated outcome with what the registry measured for it.</summary>
/// <param name="Notes">Exclusions and the parameters used, in words.</param>
public sealed record ClaimResult(StatedOutcome Stated, IReadOnlyList<ClaimMeasure> Measures, IReadOnlyList<string> Notes)
{
    /// <summary>The headline figure: the first measure.</summary>
    public ClaimMeasure Primary => Measures[0];
}
