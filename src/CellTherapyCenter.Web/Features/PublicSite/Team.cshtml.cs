using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>The clinic's team: each member's role, biography and photo in the visitor's language, else in English (marked as such).</summary>
[OutputCache(PolicyName = PublicSiteCache.PagePolicy)]
public sealed class TeamModel(RegistryDbContext db) : PublicPageModel(db)
{
    protected override string Slug => "team";

    /// <param name="Lang">The lang attribute of the words where they are English on another language's page; else null.</param>
    public sealed record Member(Guid Id, string Name, string Role, string? Biography, string? PhotoAlt, string? Lang, bool IsDemo, Guid? PhotoVersion, int PhotoWidth, int PhotoHeight);

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadTextAsync(ct);
        var language = SiteLanguages.Current.Culture;
        var english = SiteLanguages.English.Culture;
        var rows = await Db.TeamMembers.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Name)
            .Select(m => new
            {
                m.Id, m.Name, m.IsDemo,
                Texts = m.Texts.Where(t => t.Language == language || t.Language == english).Select(t => new { t.Language, t.Role, t.Biography, t.PhotoAlt }).ToList(),
                Photo = Db.TeamPhotos.Where(p => p.TeamMemberId == m.Id).Select(p => new { p.Version, p.Width, p.Height }).FirstOrDefault(),
            }).ToListAsync(ct);
        Members = [.. rows.Select(m =>
        {
            var own = m.Texts.FirstOrDefault(t => t.Language == language);
            var text = own ?? m.Texts.FirstOrDefault(t => t.Language == english);
            var lang = own is null && language != english ? SiteLanguages.English.LangAttribute : null;
            return new Member(m.Id, m.Name, text?.Role ?? "", text?.Biography, text?.PhotoAlt, lang, m.IsDemo, m.Photo?.Version, m.Photo?.Width ?? 0, m.Photo?.Height ?? 0);
        })];
    }
}
