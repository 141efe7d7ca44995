namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>
/// Waiting for something the app does in the background: a condition checked until it holds,
/// within a bound generous enough for a machine busy with other tests, never a fixed sleep.
/// </summary>
public static class Eventually
{
    /// <summary>How long a test waits for background work before it fails.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(180);

    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition)
    {
        using var bound = new CancellationTokenSource(Bound);
        while (!await condition())
        {
            // A pause between checks of the condition, not a guess at how long the work takes.
            try { await Task.Delay(20, bound.Token); }
            catch (OperationCanceledException) { return await condition(); }
        }
        return true;
    }
}
