using System.Net;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Infrastructure.Localization;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.PublicSite;

/// <summary>
/// The editable page texts in each language: one version per page and language, seeded in all
/// three, shown in the visitor's language or in English (marked) where there is none, edited per
/// language in the site editor, and cached per language.
/// </summary>
public sealed class PageLanguagesTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string path, string culture)
    {
        var separator = path.Contains('?') ? '&' : '?';
        var response = await _app.CreateClient().GetAsync($"{path}{separator}culture={culture}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return StaffSession.Parse(await response.Content.ReadAsStringAsync());
    }

    private Task EvictAsync() => _app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicSiteCache.Tag, default).AsTask();

    private Task<int> SetAsync(string slug, string language, Action<SitePage> change) => _app.WithDbAsync(async db =>
    {
        change(await db.SitePages.SingleAsync(p => p.Slug == slug && p.Language == language));
        return await db.SaveChangesAsync();
    });

    [Theory, EveryDatabase]
    public async Task A_new_database_has_every_page_in_every_language(DatabaseProvider database)
    {
        _app = apps[database];
        _ = _app.Server;
        var stored = await _app.WithDbAsync(db => db.SitePages.AsNoTracking().Select(p => new { p.Slug, p.Language, p.Title }).ToListAsync());
        var expected = DefaultPages.Slugs.SelectMany(s => SiteLanguages.All.Select(l => (s, l.Culture))).Order().ToList();
        Assert.Equal(expected, stored.Select(p => (p.Slug, p.Language)).Order().ToList());
        Assert.Contains(stored, p => p is { Slug: "als", Language: "uk", Title: "Що таке БАС" });
        Assert.Contains(stored, p => p is { Slug: "als", Language: "sr-Latn", Title: "Šta je ALS" });
    }

    [Theory, EveryDatabase]
    public async Task A_second_version_of_a_page_in_one_language_is_refused_by_the_database(DatabaseProvider database)
    {
        _app = apps[database];
        _ = _app.Server;
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => _app.WithDbAsync(db =>
        {
            db.SitePages.Add(new SitePage { Slug = "home", Language = "uk", Title = "Дубль", BodyMarkdown = "Дубль" });
            return db.SaveChangesAsync();
        }));
    }

    [Theory, EveryDatabase]
    public async Task Each_language_reads_its_own_version_of_the_page(DatabaseProvider database)
    {
        _app = apps[database];
        await EvictAsync();
        var uk = await PageAsync("/als", "uk");
        Assert.Equal("Що таке БАС", uk.QuerySelector("main h1")?.TextContent);
        Assert.Null(uk.QuerySelector("main h1")?.GetAttribute("lang"));
        Assert.Null(uk.QuerySelector("main .notice"));
        Assert.Contains("Бічний аміотрофічний склероз (БАС) — це хвороба", uk.QuerySelector("main .prose")?.TextContent);
        var sr = await PageAsync("/", "sr-Latn");
        Assert.Equal("Ćelijska terapija ALS-a", sr.QuerySelector("main h1")?.TextContent);
        Assert.Contains("Ćelijska terapija ALS-a", sr.QuerySelector("title")?.TextContent);
        Assert.StartsWith("Klinika koja leči amiotrofičnu lateralnu sklerozu", sr.QuerySelector("meta[name=description]")?.GetAttribute("content"));
        Assert.Equal("Cell therapy for ALS", (await PageAsync("/", "en")).QuerySelector("main h1")?.TextContent);
    }

    [Theory, EveryDatabase]
    public async Task A_page_without_a_version_in_the_language_shows_the_english_one_marked_as_english(DatabaseProvider database)
    {
        _app = apps[database];
        await _app.WithDbAsync(db => db.SitePages.Where(p => p.Slug == "patents" && p.Language == "sr-Latn").ExecuteDeleteAsync());
        await EvictAsync();
        var page = await PageAsync("/patents", "sr-Latn");
        Assert.Equal("sr-Latn", page.DocumentElement.GetAttribute("lang"));
        var title = page.QuerySelector("main h1")!;
        Assert.Equal(("Patents", "en"), (title.TextContent, title.GetAttribute("lang")));
        Assert.Equal("Ovaj tekst je za sada dostupan samo na engleskom jeziku.", page.QuerySelector("main .notice")?.TextContent);
        var body = page.QuerySelector("main .prose")!;
        Assert.Equal("en", body.GetAttribute("lang"));
        Assert.Contains("A patent protects a method", body.TextContent);
        Assert.Empty(EnglishText.Unmarked(page)); // the rest of the page is Serbian
        // The other languages are untouched.
        Assert.Equal("Патенти", (await PageAsync("/patents", "uk")).QuerySelector("main h1")?.TextContent);

        // The next start puts the missing version back from the defaults.
        using (var scope = _app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<SiteContentSeeder>().SeedPagesAsync(default);
        await EvictAsync();
        Assert.Equal("Patenti", (await PageAsync("/patents", "sr-Latn")).QuerySelector("main h1")?.TextContent);
    }

    [Theory, EveryDatabase]
    public async Task The_cache_keeps_each_languages_version_apart_until_an_edit_evicts_it(DatabaseProvider database)
    {
        _app = apps[database];
        await EvictAsync();
        Assert.Equal("Контакти", (await PageAsync("/contact", "uk")).QuerySelector("main h1")?.TextContent);
        Assert.Equal("Kontakt", (await PageAsync("/contact", "sr-Latn")).QuerySelector("main h1")?.TextContent);
        await SetAsync("contact", "uk", p => p.Title = "Зв’язок із клінікою");
        // Still the cached copy, in each language its own.
        Assert.Equal("Контакти", (await PageAsync("/contact", "uk")).QuerySelector("main h1")?.TextContent);
        Assert.Equal("Contact", (await PageAsync("/contact", "en")).QuerySelector("main h1")?.TextContent);
        await EvictAsync();
        Assert.Equal("Зв’язок із клінікою", (await PageAsync("/contact", "uk")).QuerySelector("main h1")?.TextContent);
        Assert.Equal("Kontakt", (await PageAsync("/contact", "sr-Latn")).QuerySelector("main h1")?.TextContent);
        Assert.Equal("Contact", (await PageAsync("/contact", "en")).QuerySelector("main h1")?.TextContent);
    }

    [Theory, EveryDatabase]
    public async Task An_administrator_chooses_and_edits_each_languages_version(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var overview = StaffSession.Parse(await admin.GetStringAsync("/staff/site"));
        foreach (var language in SiteLanguages.All)
            Assert.NotNull(overview.QuerySelector($"a[href='/staff/site/pages/treatment?language={language.Culture}'][lang='{language.LangAttribute}']"));

        var editor = StaffSession.Parse(await admin.GetStringAsync("/staff/site/pages/treatment?language=uk"));
        Assert.Equal("en", editor.DocumentElement.GetAttribute("lang")); // the staff portal stays English
        Assert.Equal("Лікування", editor.QuerySelector("#Input_Title")?.GetAttribute("value"));
        Assert.Equal("uk", editor.QuerySelector("#Input_Title")?.GetAttribute("lang"));
        Assert.Equal("uk", editor.QuerySelector("#Input_BodyMarkdown")?.GetAttribute("lang"));
        Assert.Equal("/treatment?culture=uk", editor.QuerySelector("a.button.secondary")?.GetAttribute("href"));

        var stamp = await _app.WithDbAsync(db => db.SitePages.Where(p => p.Slug == "treatment" && p.Language == "uk").Select(p => p.ConcurrencyStamp).SingleAsync());
        var saved = await StaffSession.SubmitFormAsync(admin, "/staff/site/pages/treatment?language=uk", new Dictionary<string, string>
        {
            ["Input.Title"] = "Лікування в клініці", ["Input.Summary"] = "", ["Input.BodyMarkdown"] = "Курс складається з **чотирьох** трансплантацій.",
            ["Input.ConcurrencyStamp"] = stamp.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var uk = await PageAsync("/treatment", "uk");
        Assert.Equal("Лікування в клініці", uk.QuerySelector("main h1")?.TextContent);
        Assert.Contains("Курс складається з <strong>чотирьох</strong> трансплантацій.", uk.QuerySelector("main")!.InnerHtml);
        Assert.Equal("The treatment", (await PageAsync("/treatment", "en")).QuerySelector("main h1")?.TextContent);
        Assert.Equal("Lečenje", (await PageAsync("/treatment", "sr-Latn")).QuerySelector("main h1")?.TextContent);
        var versions = await _app.WithDbAsync(db => db.SitePages.AsNoTracking().Where(p => p.Slug == "treatment").ToListAsync());
        Assert.Equal(RegistryAppFactory.AdminEmail, versions.Single(p => p.Language == "uk").UpdatedBy);
        Assert.All(versions.Where(p => p.Language != "uk"), p => Assert.Equal("system", p.UpdatedBy));
        var ukId = versions.Single(p => p.Language == "uk").Id.ToString();
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SitePage) && a.EntityId == ukId)));
    }

    [Theory]
    [EveryDatabase("/staff/site/pages/treatment?language=xx")]
    [EveryDatabase("/staff/site/pages/treatment?language=ru")]
    [EveryDatabase("/staff/site/pages/no-such-page?language=uk")]
    public async Task An_unknown_language_or_page_is_not_found_in_the_editor(DatabaseProvider database, string url)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);
    }
}
