using CellTherapyCenter.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>The privacy notice of GDPR Art. 13, linked from every footer and from the request form's consent.</summary>
[OutputCache(PolicyName = PublicSiteCache.PagePolicy)]
public sealed class PrivacyModel(RegistryDbContext db) : PublicPageModel(db)
{
    protected override string Slug => "privacy";

    public Task OnGetAsync(CancellationToken ct) => LoadTextAsync(ct);
}
