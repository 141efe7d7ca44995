using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CellTherapyCenter.Statistics.Survival;

/// <summary>The log-rank test (R's <c>survdiff</c> with rho = 0), plain or stratified: observed and expected events per group.</summary>
public sealed record LogRankResult(
    double ChiSquare,
    int DegreesOfFreedom,
    double P,
    IReadOnlyDictionary<string, double> Observed,
    IReadOnlyDictionary<string, double> Expected);

public static class LogRankTest
{
    /// <param name="stratum">Optional strata: observed, expected and variance are summed over strata,
    /// each computed within its own stratum (survdiff with <c>strata()</c>).</param>
    public static LogRankResult Compute(IReadOnlyList<double> time, IReadOnlyList<bool> @event, IReadOnlyList<string> group,
        IReadOnlyList<string>? stratum = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (time.Count != @event.Count || time.Count != group.Count || (stratum is not null && stratum.Count != time.Count))
            throw new ArgumentException("Time, event, group (and stratum) must have one value per subject.");
        var groups = group.Distinct().Order(StringComparer.Ordinal).ToArray();
        if (groups.Length < 2) throw new ArgumentException("The log-rank test needs at least two groups.", nameof(group));
        var index = groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i);
        var k = groups.Length;

        var observed = new double[k];
        var expected = new double[k];
        var variance = new double[k, k];
        var subsets = stratum is null
            ? [Enumerable.Range(0, time.Count).ToArray()]
            : Enumerable.Range(0, time.Count).GroupBy(i => stratum[i]).Select(g => g.ToArray()).ToList();
        foreach (var subset in subsets)
            Accumulate(subset, time, @event, group, index, observed, expected, variance);

        // As survdiff: keep the groups with expected events, drop the first of them, solve.
        var kept = Enumerable.Range(0, k).Where(i => expected[i] > 0).ToArray();
        var df = kept.Length - 1;
        var chiSquare = 0.0;
        if (df > 0)
        {
            var rest = kept[1..];
            var v = Matrix<double>.Build.Dense(rest.Length, rest.Length, (r, c) => variance[rest[r], rest[c]]);
            var diff = Vector<double>.Build.Dense(rest.Length, r => observed[rest[r]] - expected[rest[r]]);
            chiSquare = v.Solve(diff).DotProduct(diff);
        }
        // The upper tail directly, so that small p-values keep their precision.
        var p = df > 0 ? SpecialFunctions.GammaUpperRegularized(df / 2.0, chiSquare / 2) : double.NaN;
        return new LogRankResult(chiSquare, df, p,
            groups.Select((g, i) => (g, observed[i])).ToDictionary(x => x.g, x => x.Item2),
            groups.Select((g, i) => (g, expected[i])).ToDictionary(x => x.g, x => x.Item2));
    }

    /// <summary>Adds one stratum's observed and expected events and hypergeometric variance.</summary>
    private static void Accumulate(int[] subjects, IReadOnlyList<double> time, IReadOnlyList<bool> @event, IReadOnlyList<string> group,
        Dictionary<string, int> index, double[] observed, double[] expected, double[,] variance)
    {
        var k = observed.Length;
        var atRisk = new double[k];
        foreach (var i in subjects) atRisk[index[group[i]]]++;
        var order = subjects.OrderBy(i => time[i]).ToArray();
        var deaths = new double[k];
        var leaving = new double[k];
        for (var pos = 0; pos < order.Length;)
        {
            var t = time[order[pos]];
            Array.Clear(deaths);
            Array.Clear(leaving);
            while (pos < order.Length && time[order[pos]] == t)
            {
                var g = index[group[order[pos]]];
                if (@event[order[pos]]) deaths[g]++;
                leaving[g]++;
                pos++;
            }
            var d = deaths.Sum();
            var n = atRisk.Sum();
            if (d > 0)
            {
                // Hypergeometric variance; zero when only one subject is at risk (as survdiff's C code).
                var factor = n > 1 ? d * (n - d) / (n * (n - 1)) : 0;
                for (var i = 0; i < k; i++)
                {
                    observed[i] += deaths[i];
                    expected[i] += d * atRisk[i] / n;
                    for (var j = 0; j < k; j++)
                        variance[i, j] += factor * atRisk[i] * ((i == j ? n : 0) - atRisk[j]) / n;
                }
            }
            for (var i = 0; i < k; i++) atRisk[i] -= leaving[i];
        }
    }
}
