using CellTherapyCenter.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>Costs, length of stay, travel and accommodation: editable text (its figures are examples on a new site).</summary>
[OutputCache(PolicyName = PublicSiteCache.PagePolicy)]
public sealed class CostsModel(RegistryDbContext db) : PublicPageModel(db)
{
    protected override string Slug => "costs";

    public Task OnGetAsync(CancellationToken ct) => LoadTextAsync(ct);
}
