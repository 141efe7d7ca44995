namespace CellTherapyCenter.Statistics.MixedModels;

/// <summary>
/// A patient's ALSFRS-R slope before and after a treatment (claims.md, "Progression"), each by
/// least squares on that side's visits alone. A visit on the treatment day is the pre-treatment
/// baseline: it counts before, not after, so that an effect can only show in later visits.
/// A side with fewer than two visits at distinct times has no slope (null), and
/// <see cref="Change"/> is then null too: nothing is imputed.
/// </summary>
public sealed record TreatmentSlopes(LeastSquaresSlope? Before, LeastSquaresSlope? After)
{
    /// <summary>After minus before, in points per month; positive means slower decline.</summary>
    public double? Change => Before is null || After is null ? null : After.Slope - Before.Slope;

    /// <summary>
    /// Whether the slope improved by at least <paramref name="threshold"/> points per month (the
    /// NurOwn phase 3 responder definition uses 1.25); null when either slope is missing.
    /// </summary>
    public bool? Responded(double threshold = 1.25) => Change is { } change ? change >= threshold : null;

    public static TreatmentSlopes Split(IReadOnlyList<double> time, IReadOnlyList<double> outcome, double treatmentTime)
    {
        if (time.Count != outcome.Count) throw new ArgumentException("Each visit needs a time and an outcome.");
        var before = Enumerable.Range(0, time.Count).Where(i => time[i] <= treatmentTime).ToArray();
        var after = Enumerable.Range(0, time.Count).Where(i => time[i] > treatmentTime).ToArray();
        return new TreatmentSlopes(
            LeastSquaresSlope.Fit(before.Select(i => time[i]).ToArray(), before.Select(i => outcome[i]).ToArray()),
            LeastSquaresSlope.Fit(after.Select(i => time[i]).ToArray(), after.Select(i => outcome[i]).ToArray()));
    }
}
