namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>
/// Tick positions in months at a step a clinician reads at a glance (1, 3, 6, 12 months, then whole
/// years), so that the at-risk and n tables line up with round follow-up times.
/// </summary>
internal static class MonthTicks
{
    private static readonly double[] Steps = [1, 2, 3, 6, 12, 24, 36, 60, 120, 240];

    /// <summary>Multiples of the smallest step giving at most <paramref name="maxTicks"/> ticks from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static double[] Between(double from, double to, int maxTicks = 9)
    {
        if (!(to > from)) return [from];
        var step = Steps.FirstOrDefault(s => (to - from) / s <= maxTicks - 1, Steps[^1]);
        var first = Math.Ceiling(from / step) * step;
        var ticks = new List<double>();
        for (var k = 0; first + k * step <= to + 1e-9; k++) ticks.Add(first + k * step);
        return [.. ticks];
    }
}
