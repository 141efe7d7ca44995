using CellTherapyCenter.Web.Data;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>A public page: anonymous, with its editable text from <see cref="SitePage"/> (or the default text).</summary>
[AllowAnonymous]
public abstract class PublicPageModel(RegistryDbContext db) : PageModel
{
    protected abstract string Slug { get; }

    public string Title { get; private set; } = "";
    public string? Summary { get; private set; }
    public string BodyMarkdown { get; private set; } = "";
    /// <summary>
    /// The lang attribute of the editable text where it is not in the visitor's language (the
    /// English text shown because there is no version in theirs); null where it is.
    /// </summary>
    public string? TextLang { get; private set; }

    protected RegistryDbContext Db => db;

    protected async Task LoadTextAsync(CancellationToken ct)
    {
        var page = await db.SitePages.AsNoTracking().Where(p => p.Slug == Slug)
            .Select(p => new { p.Title, p.Summary, p.BodyMarkdown }).FirstOrDefaultAsync(ct);
        var fallback = page is null ? DefaultPages.For(Slug) : null;
        Title = page?.Title ?? fallback!.Title;
        Summary = page is null ? fallback!.Summary : page.Summary;
        BodyMarkdown = page?.BodyMarkdown ?? fallback!.BodyMarkdown;
        // Page texts are English for now; the layout and the fixed parts of each page are translated.
        TextLang = SiteLanguages.Current == SiteLanguages.English ? null : SiteLanguages.English.LangAttribute;
        ViewData["Title"] = Title;
        ViewData["Description"] = Summary;
    }
}
