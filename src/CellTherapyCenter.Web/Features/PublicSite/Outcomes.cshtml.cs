using CellTherapyCenter.Web.Data;
using CellTherapyCenter.Web.Features.PublicSite.Outcomes;
using Microsoft.AspNetCore.OutputCaching;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>The clinic's stated outcomes beside what the registry measures; counts are live (at most a minute old).</summary>
[OutputCache(PolicyName = PublicSiteCache.LivePolicy)]
public sealed class OutcomesModel(RegistryDbContext db, TimeProvider clock) : PublicPageModel(db)
{
    protected override string Slug => "outcomes";

    public RegistryCounts Counts { get; private set; } = null!;
    public DateTime ComputedAt { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadTextAsync(ct);
        Counts = await RegistryCounts.CountAsync(Db, ct);
        ComputedAt = clock.GetUtcNow().UtcDateTime;
    }
}
