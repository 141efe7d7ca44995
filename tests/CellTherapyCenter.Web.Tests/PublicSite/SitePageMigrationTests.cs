using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.PublicSite;

/// <summary>
/// A site from before page languages: its pages are the English versions (edits kept), and the
/// seeder then adds the Ukrainian and Serbian ones.
/// </summary>
public sealed class SitePageMigrationTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task An_existing_site_keeps_its_edited_pages_as_english_and_gains_the_other_languages(DatabaseProvider database)
    {
        _app = apps[database];
        _ = _app.Server;
        var rows = await _app.WithDbAsync(async db =>
        {
            // As a site from before page languages was (migration SitePageLanguages, now squashed into
            // Initial): one text per page, English, one of them edited.
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"SitePages\" WHERE \"Language\" <> 'en'");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"SitePages\" SET \"Title\" = 'Contact us' WHERE \"Slug\" = 'contact'");
            return await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"SitePages\"").SingleAsync();
        });
        Assert.Equal(DefaultPages.Slugs.Count, rows);

        var upgraded = await _app.WithDbAsync(db => db.SitePages.AsNoTracking().ToListAsync());
        Assert.All(upgraded, p => Assert.Equal("en", p.Language));
        Assert.Equal("Contact us", upgraded.Single(p => p.Slug == "contact").Title);

        using (var scope = _app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<SiteContentSeeder>().SeedPagesAsync(default);
        var seeded = await _app.WithDbAsync(db => db.SitePages.AsNoTracking().ToListAsync());
        Assert.Equal(DefaultPages.All.Count, seeded.Count);
        Assert.Equal("Contact us", seeded.Single(p => p is { Slug: "contact", Language: "en" }).Title); // the edit survives
        Assert.Equal("Контакти", seeded.Single(p => p is { Slug: "contact", Language: "uk" }).Title);
        Assert.Equal("Kontakt", seeded.Single(p => p is { Slug: "contact", Language: "sr-Latn" }).Title);

        // Seeding again adds nothing.
        using (var scope = _app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<SiteContentSeeder>().SeedPagesAsync(default);
        Assert.Equal(DefaultPages.All.Count, await _app.WithDbAsync(db => db.SitePages.CountAsync()));
    }
}
