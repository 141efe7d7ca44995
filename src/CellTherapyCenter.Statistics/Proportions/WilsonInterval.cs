using MathNet.Numerics.Distributions;

namespace CellTherapyCenter.Statistics.Proportions;

/// <summary>A proportion with its Wilson score interval (R: prop.test(x, n, correct = FALSE)$conf.int).</summary>
public sealed record Proportion(int Numerator, int Denominator, double Estimate, double Lower, double Upper, double Level)
{
    /// <summary>
    /// The Wilson interval keeps its coverage near the nominal level for small samples and for
    /// shares near 0 or 1, where the Wald interval fails; it never leaves [0, 1].
    /// </summary>
    public static Proportion Wilson(int numerator, int denominator, double level = 0.95)
    {
        if (denominator <= 0) throw new ArgumentOutOfRangeException(nameof(denominator), "A proportion needs at least one subject.");
        if (numerator < 0 || numerator > denominator) throw new ArgumentOutOfRangeException(nameof(numerator), "The numerator must lie between 0 and the denominator.");
        var z = Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
        double n = denominator, p = numerator / n, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Proportion(numerator, denominator, p, Math.Max(0, centre - half), Math.Min(1, centre + half), level);
    }
}
