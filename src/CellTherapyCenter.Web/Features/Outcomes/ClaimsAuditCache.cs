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
/// which every save in this process moves on. Changes made by another process (the command-line
/// tool, a second server) show within <see cref="MaximumAge"/>. One computation at a time: a
/// burst of requests after a change waits for the first instead of each loading the registry.
/// </summary>
public sealed class ClaimsAuditCache(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _computing = new(1, 1);

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
        try
        {
            snapshot = await RegistryFacts.LoadAsync(Open, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        }
        finally
        {
            foreach (var scope in opened) scope.Dispose();
        }
        cache.Set(key, snapshot, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = MaximumAge, Size = 1 });
        return snapshot;
    }
}
