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
    /// <summary>The page's text is example content shipped with the demo (shown with a badge).</summary>
    public bool IsExample { get; private set; }
    /// <summary>The clinic's address (the editable page "address"), shown in the footer and on the contact page.</summary>
    public ClinicAddress? Address { get; private set; }

    /// <summary>The slug of the editable text that holds the address (its title) and the directions (its body).</summary>
    public const string AddressSlug = "address";

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
        // The address comes in the same query: every public page shows it in its footer.
        var rows = await db.SitePages.AsNoTracking().Where(p => (p.Slug == Slug || p.Slug == AddressSlug) && (p.Language == language || p.Language == english))
            .Select(p => new { p.Slug, p.Language, p.Title, p.Summary, p.BodyMarkdown, p.IsDemo }).ToListAsync(ct);
        var versions = rows.Where(p => p.Slug == Slug).ToList();
        var page = versions.FirstOrDefault(p => p.Language == language) ?? versions.FirstOrDefault();
        var addresses = rows.Where(p => p.Slug == AddressSlug).ToList();
        var address = addresses.FirstOrDefault(p => p.Language == language) ?? addresses.FirstOrDefault();
        var addressShown = address is null
            ? DefaultPages.For(AddressSlug, language)
            : new DefaultPages.PageText(AddressSlug, address.Language, address.Title, address.Summary ?? "", address.BodyMarkdown);
        Address = new ClinicAddress(addressShown.Title, addressShown.BodyMarkdown,
            addressShown.Language == language ? null : SiteLanguages.Find(addressShown.Language)?.LangAttribute ?? addressShown.Language,
            address?.IsDemo ?? DefaultPages.IsExample(AddressSlug));
        IsExample = page?.IsDemo ?? DefaultPages.IsExample(Slug);
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

/// <param name="Line">The address on one line, as a visitor would type it into a map.</param>
/// <param name="DirectionsMarkdown">How to get there, in Markdown.</param>
/// <param name="Lang">The lang attribute where the text is English on another language's page; else null.</param>
/// <param name="IsExample">Demo content, shown with a badge.</param>
public sealed record ClinicAddress(string Line, string DirectionsMarkdown, string? Lang, bool IsExample)
{
    /// <summary>A map of the address on OpenStreetMap: a plain link, no script or tiles from another site on ours.</summary>
    public string MapUrl => "https://www.openstreetmap.org/search?query=" + Uri.EscapeDataString(Line);
}
