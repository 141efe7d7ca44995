using CellTherapyCenter.Data;
using Microsoft.Extensions.Caching.Memory;

namespace CellTherapyCenter.Web.Features.Patients;

/// <summary>
/// The number of patients matching a list filter, remembered for a few seconds. Counting is the
/// dearest part of a list page on a large registry (an index scan of every match, measured in
/// docs/benchmarks.md) while paging through the same filter asks the same question again and again.
/// A save in this process that changes any patient row starts afresh at once
/// (<see cref="RegistryDbContext.PatientsVersion"/>); changes made by another server show within
/// <see cref="MaximumAge"/>.
/// </summary>
public sealed class PatientListCounts(IMemoryCache cache)
{
    public static readonly TimeSpan MaximumAge = TimeSpan.FromSeconds(15);

    public async Task<int> CountAsync(string filter, Func<Task<int>> count) =>
        await cache.GetOrCreateAsync((nameof(PatientListCounts), RegistryDbContext.PatientsVersion, filter), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = MaximumAge;
            return count();
        });
}
