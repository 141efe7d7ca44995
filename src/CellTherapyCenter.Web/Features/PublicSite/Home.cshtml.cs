using CellTherapyCenter.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace CellTherapyCenter.Web.Features.PublicSite;

[OutputCache(PolicyName = PublicSiteCache.PagePolicy)]
public sealed class HomeModel(RegistryDbContext db) : PublicPageModel(db)
{
    protected override string Slug => "home";

    public Task OnGetAsync(CancellationToken ct) => LoadTextAsync(ct);
}
