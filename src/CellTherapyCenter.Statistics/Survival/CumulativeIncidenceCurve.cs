namespace CellTherapyCenter.Statistics.Survival;

/// <summary>
/// Aalen-Johansen estimates at every distinct observed time, as R's
/// <c>survfit(Surv(time, factor(cause)) ~ 1)</c>: the probability of being event-free and,
/// per cause, the cumulative incidence (R's pstate) with its infinitesimal-jackknife standard
/// error (R's std.err for that state).
/// </summary>
public sealed record CumulativeIncidenceCurve(
    int N,
    double[] Time,
    int[] NRisk,
    double[] EventFree,
    IReadOnlyList<CauseIncidence> Causes)
{
    /// <summary>The curve of one cause; throws when the cause never occurred.</summary>
    public CauseIncidence For(int cause) =>
        Causes.FirstOrDefault(c => c.Cause == cause)
        ?? throw new ArgumentException($"Cause {cause} does not occur in the data.", nameof(cause));
}

/// <summary>Cumulative incidence of one cause and its standard error, aligned with the curve's times.</summary>
public sealed record CauseIncidence(int Cause, int Events, double[] Incidence, double[] StdErr);
