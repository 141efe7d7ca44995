using Microsoft.Extensions.Time.Testing;

namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>Fake clocks for retry, lease and schedule times: they move only when a test advances them.</summary>
public static class FakeClocks
{
    /// <summary>
    /// Starts at the real time, in whole milliseconds (PostgreSQL keeps microseconds, not ticks),
    /// for tests whose rows the app also stamps with its own clock.
    /// </summary>
    public static FakeTimeProvider AtRealNow()
    {
        var now = TimeProvider.System.GetUtcNow();
        return new FakeTimeProvider(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)));
    }
}
