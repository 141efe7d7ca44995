namespace CellTherapyCenter.Web.Infrastructure.Sessions;

/// <summary>How long a sign-in lasts and how failed sign-ins slow down (configuration section "Sessions").</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>A staff session ends after this long without a request.</summary>
    public int StaffIdleMinutes { get; set; } = 30;

    /// <summary>A portal session (patients and caregivers) ends after this long without a request.</summary>
    public int PortalIdleMinutes { get; set; } = 60;

    /// <summary>Every session ends this long after its password was accepted, however busy it is.</summary>
    public int AbsoluteHours { get; set; } = 12;

    /// <summary>Wrong passwords an account may have in a row before each further one makes it wait.</summary>
    public int FreeSignInAttempts { get; set; } = 5;

    /// <summary>The longest wait: the waits double from one minute up to this.</summary>
    public int MaxBackOffMinutes { get; set; } = 15;

    internal TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);

    internal TimeSpan Idle(bool portal) => TimeSpan.FromMinutes(portal ? PortalIdleMinutes : StaffIdleMinutes);

    /// <summary>The wait after the <paramref name="over"/>-th failure past the free ones (0 for the first): 1, 2, 4 ... minutes, capped.</summary>
    internal TimeSpan BackOff(int over) =>
        TimeSpan.FromMinutes(over >= 30 ? MaxBackOffMinutes : Math.Min(Math.Pow(2, over), MaxBackOffMinutes));
}
