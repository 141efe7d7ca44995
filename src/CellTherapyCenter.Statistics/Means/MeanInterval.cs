using MathNet.Numerics.Distributions;

namespace CellTherapyCenter.Statistics.Means;

/// <summary>A mean with its t-based confidence interval, as R's <c>t.test(x)$conf.int</c>.</summary>
public readonly record struct MeanInterval(double Mean, double Lower, double Upper, int N)
{
    /// <summary>The mean of at least two values with its interval at <paramref name="level"/> (95% by default).</summary>
    public static MeanInterval Of(IReadOnlyList<double> values, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        if (n < 2) throw new ArgumentException("A mean's interval needs at least two values.", nameof(values));
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        var half = StudentT.InvCDF(0, 1, n - 1, 1 - (1 - level) / 2) * sd / Math.Sqrt(n);
        return new MeanInterval(mean, mean - half, mean + half, n);
    }
}
