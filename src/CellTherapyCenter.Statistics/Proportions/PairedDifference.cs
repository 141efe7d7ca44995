using MathNet.Numerics.Distributions;

namespace CellTherapyCenter.Statistics.Proportions;

/// <summary>The mean of paired differences (after − before) with its t-based interval, as R's t.test(after, before, paired = TRUE).</summary>
public sealed record PairedDifference(int N, double Mean, double Lower, double Upper, double T, int DegreesOfFreedom, double P)
{
    public static PairedDifference Of(IReadOnlyList<double> before, IReadOnlyList<double> after, double level = 0.95)
    {
        if (before.Count != after.Count) throw new ArgumentException("Each subject needs both values.");
        if (before.Count < 2) throw new ArgumentException("At least two pairs are needed for an interval.");
        var d = before.Select((b, i) => after[i] - b).ToArray();
        var n = d.Length;
        var mean = d.Average();
        var sd = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        var se = sd / Math.Sqrt(n);
        var df = n - 1;
        var q = StudentT.InvCDF(0, 1, df, 1 - (1 - level) / 2);
        var t = mean / se;
        var p = 2 * (1 - StudentT.CDF(0, 1, df, Math.Abs(t)));
        return new PairedDifference(n, mean, mean - q * se, mean + q * se, t, df, p);
    }
}
