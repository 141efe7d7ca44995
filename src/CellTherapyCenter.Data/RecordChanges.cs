namespace CellTherapyCenter.Data;

/// <summary>What the saves between two records versions changed: which patients' records, and whether an external cohort.</summary>
/// <param name="Patients">The patients whose records were added, changed or voided.</param>
/// <param name="Cohorts">An external cohort was added, changed or removed.</param>
public sealed record RecordChangeSet(IReadOnlySet<Guid> Patients, bool Cohorts);

/// <summary>
/// The recent saves of registry records in this process, each with the records version it moved
/// the registry to and the patients it touched, so that a cache of whole-registry facts (the
/// claims audit's) can reload the patients a save changed instead of the whole registry. Only
/// the latest <see cref="Kept"/> saves are remembered; a write that bypassed the change tracker
/// (a bulk import) is remembered as unknown. Either makes <see cref="Between"/> answer null:
/// the caller must then reload everything.
/// </summary>
public sealed class RecordChanges
{
    public const int Kept = 512;

    private readonly Lock _gate = new();
    private readonly Queue<(long Version, Guid[]? Patients, bool Cohorts)> _recent = new();
    private long _version;

    /// <summary>The changes of this process's registry (<see cref="RegistryDbContext.RecordsVersion"/> is its version).</summary>
    public static RecordChanges Registry { get; } = new();

    public long Version => Interlocked.Read(ref _version);

    /// <summary>Remembers a save and moves the version on; <paramref name="patients"/> null when not known.</summary>
    public long Record(Guid[]? patients, bool cohorts)
    {
        lock (_gate)
        {
            var version = Interlocked.Increment(ref _version);
            _recent.Enqueue((version, patients, cohorts));
            while (_recent.Count > Kept) _recent.Dequeue();
            return version;
        }
    }

    /// <summary>
    /// What changed after version <paramref name="since"/> up to <paramref name="upTo"/>; null when
    /// that is not known (a bulk write among them, or saves no longer remembered).
    /// </summary>
    public RecordChangeSet? Between(long since, long upTo)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(since, upTo);
        var patients = new HashSet<Guid>();
        var cohorts = false;
        lock (_gate)
        {
            if (upTo > _version) return null;
            var expected = since + 1;
            foreach (var (version, changed, cohort) in _recent)
            {
                if (version <= since) continue;
                if (version > upTo) break;
                // A gap: the saves after `since` are no longer all remembered.
                if (version != expected) return null;
                expected++;
                if (changed is null) return null;
                patients.UnionWith(changed);
                cohorts |= cohort;
            }
            if (expected != upTo + 1) return null;
        }
        return new RecordChangeSet(patients, cohorts);
    }
}
