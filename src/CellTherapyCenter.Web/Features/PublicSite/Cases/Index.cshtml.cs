using CellTherapyCenter.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.PublicSite.Cases;

[OutputCache(PolicyName = PublicSiteCache.PagePolicy)]
public sealed class IndexModel(RegistryDbContext db) : PublicPageModel(db)
{
    protected override string Slug => "cases";

    public sealed record Item(string Slug, string Initials, int AgeYears, string ClinicalPicture, string Language, bool IsDemo);

    public IReadOnlyList<Item> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadTextAsync(ct);
        Cases = await PublishedCases.Visible(Db).OrderBy(c => c.SortOrder).ThenBy(c => c.Initials)
            .Select(c => new Item(c.Slug, c.Initials, c.AgeYears, c.ClinicalPicture, c.Language, c.IsDemo))
            .ToListAsync(ct);
    }
}
