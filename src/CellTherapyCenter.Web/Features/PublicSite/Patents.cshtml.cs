using CellTherapyCenter.Data;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.PublicSite;

[OutputCache(PolicyName = PublicSiteCache.PagePolicy)]
public sealed class PatentsModel(RegistryDbContext db) : PublicPageModel(db)
{
    protected override string Slug => "patents";

    public IReadOnlyList<Patent> Patents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadTextAsync(ct);
        Patents = await Db.Patents.AsNoTracking().OrderBy(p => p.SortOrder).ThenByDescending(p => p.Year).ToListAsync(ct);
    }
}
