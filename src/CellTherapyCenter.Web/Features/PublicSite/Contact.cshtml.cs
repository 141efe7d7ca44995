using CellTherapyCenter.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace CellTherapyCenter.Web.Features.PublicSite;

[OutputCache(PolicyName = PublicSiteCache.PagePolicy)]
public sealed class ContactModel(RegistryDbContext db) : PublicPageModel(db)
{
    protected override string Slug => "contact";

    public Task OnGetAsync(CancellationToken ct) => LoadTextAsync(ct);
}
