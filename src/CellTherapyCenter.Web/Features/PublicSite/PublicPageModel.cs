using CellTherapyCenter.Data;
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

    /// <summary>
    /// The page's text in the visitor's language; where there is none, the English version, with
    /// <see cref="TextLang"/> set so the view marks it as English. The defaults stand in for a page
    /// the database does not have (yet).
    /// </summary>
    protected async Task LoadTextAsync(CancellationToken ct)
    {
        var language = SiteLanguages.Current.Culture;
        var english = SiteLanguages.English.Culture;
        var versions = await db.SitePages.AsNoTracking().Where(p => p.Slug == Slug && (p.Language == language || p.Language == english))
            .Select(p => new { p.Language, p.Title, p.Summary, p.BodyMarkdown }).ToListAsync(ct);
        var page = versions.FirstOrDefault(p => p.Language == language) ?? versions.FirstOrDefault();
        var shown = page is null
            ? DefaultPages.For(Slug, language)
            : new DefaultPages.PageText(Slug, page.Language, page.Title, page.Summary ?? "", page.BodyMarkdown);
        Title = shown.Title;
        Summary = page is null ? shown.Summary : page.Summary;
        BodyMarkdown = shown.BodyMarkdown;
        TextLang = shown.Language == language ? null : SiteLanguages.Find(shown.Language)?.LangAttribute ?? shown.Language;
        ViewData["Title"] = Title;
        ViewData["Description"] = Summary;
    }
}
