using CellTherapyCenter.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>Questions patients and families ask, answered in editable text.</summary>
[OutputCache(PolicyName = PublicSiteCache.PagePolicy)]
public sealed class FaqModel(RegistryDbContext db) : PublicPageModel(db)
{
    protected override string Slug => "faq";

    public Task OnGetAsync(CancellationToken ct) => LoadTextAsync(ct);
}
