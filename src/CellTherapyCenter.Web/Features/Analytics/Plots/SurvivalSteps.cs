using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>The polylines that draw a Kaplan-Meier curve and its confidence band as steps.</summary>
internal static class SurvivalSteps
{
    /// <summary>From (0, 1), down at each time the estimate changes, and on to the last time (a censoring may end the curve).</summary>
    public static (double[] X, double[] Y) Curve(KaplanMeierCurve curve)
    {
        var x = new List<double> { 0 };
        var y = new List<double> { 1 };
        for (var i = 0; i < curve.Time.Count; i++)
        {
            if (curve.Survival[i] == y[^1]) continue;
            x.Add(curve.Time[i]); y.Add(y[^1]);
            x.Add(curve.Time[i]); y.Add(curve.Survival[i]);
        }
        var last = curve.Time[^1];
        if (x[^1] < last) { x.Add(last); y.Add(y[^1]); }
        return ([.. x], [.. y]);
    }

    /// <summary>
    /// The pointwise interval as steps, in pieces: it is 1 to 1 before the first event (log-log gives
    /// NaN there, which means exactly that) and undefined once survival reaches 0, where a piece ends.
    /// </summary>
    public static List<(double[] X, double[] Lower, double[] Upper)> Band(KaplanMeierCurve curve)
    {
        var pieces = new List<(double[] X, double[] Lower, double[] Upper)>();
        List<double> x = [0], lower = [1], upper = [1];
        for (var i = 0; i < curve.Time.Count; i++)
        {
            var (lo, hi) = curve.Survival[i] == 1 ? (1.0, 1.0) : (curve.Lower[i], curve.Upper[i]);
            var end = i + 1 < curve.Time.Count ? curve.Time[i + 1] : curve.Time[i];
            if (double.IsNaN(lo) || double.IsNaN(hi))
            {
                Close();
                continue;
            }
            if (x.Count > 0 && x[^1] < curve.Time[i]) { x.Add(curve.Time[i]); lower.Add(lower[^1]); upper.Add(upper[^1]); }
            x.Add(curve.Time[i]); lower.Add(lo); upper.Add(hi);
            x.Add(end); lower.Add(lo); upper.Add(hi);
        }
        Close();
        return pieces;

        void Close()
        {
            if (x.Count > 1) pieces.Add(([.. x], [.. lower], [.. upper]));
            x = []; lower = []; upper = [];
        }
    }
}
