namespace CellTherapyCenter.Statistics.Survival;

/// <summary>
/// Checks shared by every estimator: equal lengths, finite non-negative times, and an order of
/// observations by time that each estimator walks once.
/// </summary>
internal static class SurvivalInput
{
    public static void Validate(IReadOnlyList<double> times, int otherCount, string otherName)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Count != otherCount)
            throw new ArgumentException($"times has {times.Count} values but {otherName} has {otherCount}.");
        for (int i = 0; i < times.Count; i++)
        {
            if (!double.IsFinite(times[i]) || times[i] < 0)
                throw new ArgumentException($"times[{i}] = {times[i]}: survival times must be finite and non-negative.");
        }
    }

    /// <summary>
    /// Indices sorted by ascending time. The order among equal times is arbitrary and harmless:
    /// every estimator handles all observations at one time together.
    /// </summary>
    public static int[] OrderByTime(IReadOnlyList<double> times)
    {
        var keys = new double[times.Count];
        var order = new int[times.Count];
        for (int i = 0; i < order.Length; i++) { keys[i] = times[i]; order[i] = i; }
        Array.Sort(keys, order);
        return order;
    }
}
