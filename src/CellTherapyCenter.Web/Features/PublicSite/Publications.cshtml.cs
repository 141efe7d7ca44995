using CellTherapyCenter.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.PublicSite;

[OutputCache(PolicyName = PublicSiteCache.PagePolicy)]
public sealed class PublicationsModel(RegistryDbContext db) : PublicPageModel(db)
{
    protected override string Slug => "publications";

    public sealed record Item(Guid Id, string Title, string Language, string ContentType, long SizeBytes, int? Year, string? Description, bool IsDemo);

    public IReadOnlyList<Item> Publications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadTextAsync(ct);
        Publications = await Db.Publications.AsNoTracking().OrderBy(p => p.SortOrder).ThenByDescending(p => p.Year)
            .Select(p => new Item(p.Id, p.Title, p.Language, p.ContentType, p.SizeBytes, p.Year, p.Description, p.IsDemo))
            .ToListAsync(ct);
    }
}
