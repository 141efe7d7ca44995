using CellTherapyCenter.Clinical.Alsfrs;

namespace CellTherapyCenter.Clinical.Staging;

internal static class StagingInput
{
    /// <summary>A stage read from an impossible answer (e.g. speech = 7) would look normal: refuse it instead.</summary>
    public static void EnsureInRange(AlsfrsRResponses r)
    {
        var outOfRange = r.OutOfRangeItems();
        if (outOfRange.Count > 0)
            throw new ArgumentOutOfRangeException(nameof(r), $"ALSFRS-R item(s) {string.Join(", ", outOfRange)} outside 0-4.");
    }
}
