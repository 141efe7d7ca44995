namespace CellTherapyCenter.Statistics.Survival;

/// <summary>
/// Where a step survival curve crosses a probability, as R's <c>quantile.survfit</c> finds it
/// (its internal <c>findq</c>): the first time the curve is at or below 1 − p; where the curve is
/// flat exactly at 1 − p, the middle of the flat part. NaN when the curve never gets there.
/// </summary>
public static class SurvivalQuantile
{
    /// <summary>R's default tolerance, sqrt(.Machine$double.eps).</summary>
    public static readonly double Tolerance = Math.Sqrt(2.220446049250313e-16);

    /// <param name="time">Step times, ascending.</param>
    /// <param name="survival">The curve after each step (NaN where undefined, e.g. a confidence limit).</param>
    /// <param name="p">The probability of an event by the quantile: 0.5 for the median.</param>
    public static double Find(IReadOnlyList<double> time, IReadOnlyList<double> survival, double p)
    {
        // As R: the curve starts at time 0 with nothing happened; work on the distribution 1 − S.
        var x = new List<double>(time.Count + 1) { 0 };
        var y = new List<double>(time.Count + 1) { 0 };
        x.AddRange(time);
        y.AddRange(survival.Select(s => 1 - s));
        if (!y.Any(v => !double.IsNaN(v)) || y.Where(v => !double.IsNaN(v)).Max() < p) return double.NaN;

        var xmax = x[^1];
        // Drop repeated values (censorings, and repeated undefined limits), keeping the first, as R's
        // duplicated(): a set, in which NaN equals NaN, not a scan of all earlier values (quadratic
        // in the thousands of steps of a large cohort's curve).
        var keptX = new List<double>();
        var keptY = new List<double>();
        var seen = new HashSet<double>();
        for (var i = 0; i < y.Count; i++)
        {
            if (!seen.Add(y[i])) continue;
            keptX.Add(x[i]);
            keptY.Add(y[i]);
        }
        var first = FirstAtOrAbove(keptY, p, +Tolerance);
        var second = FirstAtOrAbove(keptY, p, -Tolerance);
        var quantile = first is { } a && second is { } b ? (keptX[a] + keptX[b]) / 2 : double.NaN;
        if (p == 0) quantile = keptX[0];
        var last = keptY[^1];
        if (!double.IsNaN(last) && Math.Abs(p - last) < Tolerance && first is { } f) quantile = (keptX[f] + xmax) / 2;
        return quantile;
    }

    /// <summary>R's approx(y + shift, 1:n, p, method = "constant", f = 1): the first index whose shifted value reaches p.</summary>
    private static int? FirstAtOrAbove(List<double> y, double p, double shift)
    {
        for (var i = 0; i < y.Count; i++)
            if (!double.IsNaN(y[i]) && y[i] + shift >= p) return i;
        return null;
    }
}
