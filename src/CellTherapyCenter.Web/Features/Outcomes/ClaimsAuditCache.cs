using System.Diagnostics;
using CellTherapyCenter.Data;
using CellTherapyCenter.Outcomes;
using Microsoft.Extensions.Caching.Memory;

namespace CellTherapyCenter.Web.Features.Outcomes;

/// <summary>A computed audit, with when and how long it took.</summary>
public sealed record ComputedAudit(ClaimsAuditReport Report, DateTimeOffset ComputedAt, TimeSpan Took);

/// <summary>
/// Computes the claims audit on demand and keeps it until the registry changes: the snapshot of
/// registry facts and each filtered report are keyed on <see cref="RegistryDbContext.RecordsVersion"/>,
/// which every save in this process moves on. After a save, only the facts of the patients it
/// touched are read again (<see cref="RecordChanges"/>); the whole registry is read when that is
/// not known (a bulk import, many saves) and at least every <see cref="MaximumAge"/>, so changes
/// made by another process (the command-line tool, a second server) show within it. One
/// computation at a time: a burst of requests after a change waits for the first instead of each
/// loading the registry.
/// </summary>
public sealed class ClaimsAuditCache(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(10);
    /// <summary>More patients changed than this, and the whole registry is read again: one query per table is then cheaper.</summary>
    public const int MostPatientsRefreshed = 2_000;

    private readonly SemaphoreSlim _computing = new(1, 1);
    private LatestSnapshot? _latest;

    /// <param name="WholeReadAt">When the whole registry was last read; refreshes keep it.</param>
    private sealed record LatestSnapshot(long Version, DateTimeOffset WholeReadAt, RegistryFacts.Snapshot Snapshot);

    public void Dispose() => _computing.Dispose();

    public async Task<ComputedAudit> GetAsync(ClaimsAuditParameters parameters, CancellationToken ct)
    {
        var key = (nameof(ClaimsAuditCache), RegistryDbContext.RecordsVersion, parameters);
        if (cache.TryGetValue(key, out ComputedAudit? audit)) return audit!;
        await _computing.WaitAsync(ct);
        try
        {
            if (cache.TryGetValue(key, out audit)) return audit!;
            var started = Stopwatch.GetTimestamp();
            var snapshot = await LoadSnapshotAsync(key.RecordsVersion, ct);
            var report = ClaimsAudit.Compute(snapshot.Patients, snapshot.DataDate, parameters, snapshot.Cohorts);
            audit = new ComputedAudit(report, clock.GetUtcNow(), Stopwatch.GetElapsedTime(started));
            cache.Set(key, audit, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = MaximumAge, Size = 1 });
            return audit;
        }
        finally
        {
            _computing.Release();
        }
    }

    /// <summary>The registry facts of the current data version (for plots drawn from patient-level data).</summary>
    public async Task<RegistryFacts.Snapshot> SnapshotAsync(CancellationToken ct)
    {
        await _computing.WaitAsync(ct);
        try
        {
            return await LoadSnapshotAsync(RegistryDbContext.RecordsVersion, ct);
        }
        finally
        {
            _computing.Release();
        }
    }

    /// <summary>The registry facts, shared by every filter of the same data version.</summary>
    private async Task<RegistryFacts.Snapshot> LoadSnapshotAsync(long version, CancellationToken ct)
    {
        var key = (nameof(RegistryFacts), version);
        if (cache.TryGetValue(key, out RegistryFacts.Snapshot? snapshot)) return snapshot!;
        var opened = new List<IServiceScope>();
        RegistryDbContext Open()
        {
            var scope = scopes.CreateScope();
            lock (opened) opened.Add(scope);
            return scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var latest = _latest;
        try
        {
            if (latest is not null && latest.Version <= version && now - latest.WholeReadAt < MaximumAge
                && RecordChanges.Registry.Between(latest.Version, version) is { } changes && changes.Patients.Count <= MostPatientsRefreshed)
            {
                snapshot = await RegistryFacts.RefreshAsync(latest.Snapshot, changes, Open, today, ct);
                _latest = latest with { Version = version, Snapshot = snapshot };
            }
            else
            {
                snapshot = await RegistryFacts.LoadAsync(Open, today, ct);
                _latest = new LatestSnapshot(version, now, snapshot);
            }
        }
        finally
        {
            foreach (var scope in opened) scope.Dispose();
        }
        cache.Set(key, snapshot, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = MaximumAge, Size = 1 });
        return snapshot;
    }
}
