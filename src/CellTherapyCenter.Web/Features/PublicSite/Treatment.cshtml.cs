using CellTherapyCenter.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>
/// The treatment page. Indications and former contraindications are the clinical library's own
/// lists (the ones the eligibility screen applies), described in plain words in ClinicalText.resx.
/// </summary>
[OutputCache(PolicyName = PublicSiteCache.PagePolicy)]
public sealed class TreatmentModel(RegistryDbContext db) : PublicPageModel(db)
{
    protected override string Slug => "treatment";

    public Task OnGetAsync(CancellationToken ct) => LoadTextAsync(ct);
}
