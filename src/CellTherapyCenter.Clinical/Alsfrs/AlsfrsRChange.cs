namespace CellTherapyCenter.Clinical.Alsfrs;

/// <summary>How one domain's subscore (0-12) moved between two ALSFRS-R assessments.</summary>
public sealed record AlsfrsRDomainChange(AlsfrsRDomain Domain, int Now, int Then)
{
    /// <summary>Points higher now (negative: lower, which in ALSFRS-R means worse).</summary>
    public int Difference => Now - Then;
}

/// <summary>
/// The change between two complete ALSFRS-R assessments, for telling a patient in plain words how
/// this self-report compares with the one before: the total now and then, and the domains whose
/// subscore moved (in form order). Only complete assessments have a total, so only they compare.
/// </summary>
public sealed record AlsfrsRChange(int TotalNow, int TotalThen, IReadOnlyList<AlsfrsRDomainChange> ChangedDomains)
{
    private static readonly AlsfrsRDomain[] Domains =
        [AlsfrsRDomain.Bulbar, AlsfrsRDomain.FineMotor, AlsfrsRDomain.GrossMotor, AlsfrsRDomain.Respiratory];

    /// <summary>Points higher now (negative: lower).</summary>
    public int Difference => TotalNow - TotalThen;

    /// <summary>The change from <paramref name="then"/> to <paramref name="now"/>, or null when either has no total.</summary>
    public static AlsfrsRChange? Between(AlsfrsRScore now, AlsfrsRScore then)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(then);
        if (now.Total is not { } totalNow || then.Total is not { } totalThen) return null;
        var changed = Domains
            .Where(d => now[d] is not null && then[d] is not null && now[d] != then[d])
            .Select(d => new AlsfrsRDomainChange(d, now[d]!.Value, then[d]!.Value))
            .ToList();
        return new AlsfrsRChange(totalNow, totalThen, changed);
    }
}
