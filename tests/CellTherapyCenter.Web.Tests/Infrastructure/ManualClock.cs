namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>A clock that moves only when a test says so (for retry and lease times).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    /// <summary>Starts at the real time, in whole milliseconds (PostgreSQL keeps microseconds, not ticks).</summary>
    public static ManualClock AtRealNow()
    {
        var now = TimeProvider.System.GetUtcNow();
        return new(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)));
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
