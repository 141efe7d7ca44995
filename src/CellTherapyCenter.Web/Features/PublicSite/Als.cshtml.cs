using CellTherapyCenter.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace CellTherapyCenter.Web.Features.PublicSite;

[OutputCache(PolicyName = PublicSiteCache.PagePolicy)]
public sealed class AlsModel(RegistryDbContext db) : PublicPageModel(db)
{
    protected override string Slug => "als";

    public Task OnGetAsync(CancellationToken ct) => LoadTextAsync(ct);
}
