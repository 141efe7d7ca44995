using MathNet.Numerics.Distributions;

namespace CellTherapyCenter.Statistics.Survival;

/// <summary>How the pointwise confidence interval of a survival curve is built (R survfit's conf.type).</summary>
public enum ConfidenceType
{
    /// <summary>On the log of survival: S·exp(±z·se), the upper limit capped at 1 (survfit's default).</summary>
    Log,
    /// <summary>On log(−log S): symmetric in the complementary log-log scale, never outside [0, 1].</summary>
    LogLog,
}

/// <summary>
/// The Kaplan-Meier estimate of a survival curve, one step per distinct time (events and censorings),
/// with Greenwood's variance, as R's <c>survival::survfit</c> computes it.
/// </summary>
public sealed record KaplanMeierCurve(
    int N,
    int Events,
    IReadOnlyList<double> Time,
    IReadOnlyList<int> NRisk,
    IReadOnlyList<int> NEvent,
    IReadOnlyList<int> NCensor,
    IReadOnlyList<double> Survival,
    /// <summary>Standard error of the cumulative hazard (−log S), survfit's <c>std.err</c>; infinite once S reaches 0.</summary>
    IReadOnlyList<double> StdErr,
    /// <summary>Lower limit; NaN where R gives NA.</summary>
    IReadOnlyList<double> Lower,
    /// <summary>Upper limit; NaN where R gives NA.</summary>
    IReadOnlyList<double> Upper,
    /// <summary>Median survival; NaN when the curve does not reach one half.</summary>
    double Median,
    double MedianLower,
    double MedianUpper);

public static class KaplanMeier
{
    /// <param name="time">Follow-up times, not negative.</param>
    /// <param name="event">True for an event, false for a censored observation.</param>
    /// <param name="confidenceLevel">Of the pointwise intervals and the median's interval.</param>
    public static KaplanMeierCurve Fit(IReadOnlyList<double> time, IReadOnlyList<bool> @event,
        ConfidenceType confidence = ConfidenceType.Log, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(@event);
        if (time.Count != @event.Count) throw new ArgumentException("Every time needs its event indicator.", nameof(@event));
        if (time.Count == 0) throw new ArgumentException("At least one subject is needed.", nameof(time));
        if (time.Any(t => double.IsNaN(t) || t < 0)) throw new ArgumentException("Times must be zero or positive.", nameof(time));

        var order = Enumerable.Range(0, time.Count).OrderBy(i => time[i]).ToArray();
        var z = Normal.InvCDF(0, 1, 1 - (1 - confidenceLevel) / 2);
        var times = new List<double>(); var nRisk = new List<int>(); var nEvent = new List<int>(); var nCensor = new List<int>();
        var surv = new List<double>(); var stdErr = new List<double>(); var lower = new List<double>(); var upper = new List<double>();

        var atRisk = time.Count;
        var s = 1.0;
        var greenwood = 0.0;
        for (var k = 0; k < order.Length;)
        {
            var t = time[order[k]];
            int deaths = 0, censored = 0;
            while (k < order.Length && time[order[k]] == t)
            {
                if (@event[order[k]]) deaths++; else censored++;
                k++;
            }
            if (deaths > 0)
            {
                s *= 1 - (double)deaths / atRisk;
                greenwood += atRisk == deaths ? double.PositiveInfinity : (double)deaths / ((double)atRisk * (atRisk - deaths));
            }
            var se = Math.Sqrt(greenwood);
            var (lo, hi) = Interval(s, se, z, confidence);
            times.Add(t); nRisk.Add(atRisk); nEvent.Add(deaths); nCensor.Add(censored);
            surv.Add(s); stdErr.Add(se); lower.Add(lo); upper.Add(hi);
            atRisk -= deaths + censored;
        }

        var median = SurvivalQuantile.Find(times, surv, 0.5);
        var medianLower = SurvivalQuantile.Find(times, lower, 0.5);
        var medianUpper = SurvivalQuantile.Find(times, upper, 0.5);
        return new KaplanMeierCurve(time.Count, @event.Count(e => e), times, nRisk, nEvent, nCensor, surv, stdErr, lower, upper,
            median, medianLower, medianUpper);
    }

    /// <summary>survfit_confint of R's survival package, for the log and log-log types.</summary>
    private static (double Lower, double Upper) Interval(double s, double se, double z, ConfidenceType type)
    {
        switch (type)
        {
            case ConfidenceType.Log:
                if (s == 0) return (double.NaN, double.NaN);
                return (Math.Exp(Math.Log(s) - z * se), Math.Min(Math.Exp(Math.Log(s) + z * se), 1));
            case ConfidenceType.LogLog:
                if (s == 0 || s == 1) return (double.NaN, double.NaN);
                var loglog = Math.Log(-Math.Log(s));
                var halfWidth = z * se / Math.Log(s);
                return (Math.Exp(-Math.Exp(loglog - halfWidth)), Math.Exp(-Math.Exp(loglog + halfWidth)));
            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
    }
}
