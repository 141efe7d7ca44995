using MathNet.Numerics.Distributions;

namespace CellTherapyCenter.Outcomes;

/// <summary>A mean with its t-based 95% interval, as R's t.test(x)$conf.int.</summary>
internal static class MeanInterval
{
    public static (double Mean, double Lower, double Upper) Of(IReadOnlyList<double> values, double level = 0.95)
    {
        var n = values.Count;
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        var half = StudentT.InvCDF(0, 1, n - 1, 1 - (1 - level) / 2) * sd / Math.Sqrt(n);
        return (mean, mean - half, mean + half);
    }
}
