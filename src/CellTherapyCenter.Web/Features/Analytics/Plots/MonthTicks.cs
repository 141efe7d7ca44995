using System.Globalization;
using ScottPlot;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>
/// Tick positions in months at a step a clinician reads at a glance (1, 2, 3, 6, 12 months, then whole
/// years), so that the at-risk and n tables line up with round follow-up times.
/// </summary>
internal static class MonthTicks
{
    private static readonly double[] Steps = [1, 2, 3, 6, 12, 24, 36, 60, 120, 240];

    /// <summary>Multiples of the smallest step giving at most <paramref name="maxTicks"/> ticks from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static double[] Between(double from, double to, int maxTicks = 9)
    {
        if (!(to > from)) return [from];
        var step = Steps.FirstOrDefault(s => Last(to, s) - First(from, s) + 1 <= maxTicks, Steps[^1]);
        return [.. Enumerable.Range(0, (int)(Last(to, step) - First(from, step)) + 1).Select(k => (First(from, step) + k) * step)];
    }

    // The first and last multiples of the step within [from, to], counted in steps.
    private static double First(double from, double step) => Math.Ceiling(from / step - 1e-9);

    private static double Last(double to, double step) => Math.Floor(to / step + 1e-9);

    /// <summary>Exactly these ticks on the axis, labelled in months.</summary>
    public static void Show(IXAxis axis, double[] ticks) =>
        axis.SetTicks(ticks, ticks.Select(t => t.ToString("0.##", CultureInfo.InvariantCulture)).ToArray());
}
