using CellTherapyCenter.Statistics.Prediction;

namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>
/// Draws when a synthetic patient reaches the ENCALS outcome (death, tracheostomy or ventilation
/// over 23 hours a day) from the ENCALS model with the patient's own predictors, given that the
/// patient was event-free at diagnosis. The demo's survival then is the published natural history
/// by construction, so observed/expected comparisons of an untreated demo centre on 1.
/// </summary>
internal static class EncalsEventTime
{
    private const double LongestMonths = 2400;

    /// <param name="u">A uniform draw in (0, 1): the conditional survival probability at the event.</param>
    public static double MonthsFromOnset(double linearPredictor, double eventFreeAtMonths, double u)
    {
        // Inverse transform: S(T) = u · S(entry), by bisection on log time (S falls monotonically).
        var target = u * EncalsModel.Survival(eventFreeAtMonths, linearPredictor);
        if (EncalsModel.Survival(LongestMonths, linearPredictor) > target) return LongestMonths;
        double low = Math.Log(eventFreeAtMonths), high = Math.Log(LongestMonths);
        for (var i = 0; i < 50; i++)
        {
            var mid = (low + high) / 2;
            if (EncalsModel.Survival(Math.Exp(mid), linearPredictor) > target) low = mid; else high = mid;
        }
        return Math.Exp(high);
    }
}
