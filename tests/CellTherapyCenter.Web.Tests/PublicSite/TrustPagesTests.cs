using System.Net;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.PublicSite;

/// <summary>
/// The pages of issue 17, item 3: team, costs, questions and the privacy notice in every language;
/// the address with directions and a map link on the contact page and in every footer; Open
/// Graph tags.
/// </summary>
public sealed class TrustPagesTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task Each_new_page_answers_in_every_language_with_open_graph_tags_and_the_footer_address(DatabaseProvider database)
    {
        _app = apps[database];
        var expected = new Dictionary<string, string[]>
        {
            ["en"] = ["Our team", "Costs, length of stay and travel", "Questions people ask", "Privacy notice"],
            ["uk"] = ["Наша команда", "Вартість, тривалість перебування і подорож", "Часті запитання", "Повідомлення про конфіденційність"],
            ["sr-Latn"] = ["Naš tim", "Troškovi, dužina boravka i putovanje", "Česta pitanja", "Obaveštenje o privatnosti"],
        };
        string[] paths = ["/team", "/costs", "/faq", "/privacy"];
        foreach (var (culture, titles) in expected)
            for (var i = 0; i < paths.Length; i++)
            {
                var response = await _app.CreateClient().GetAsync($"{paths[i]}?culture={culture}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var page = StaffSession.Parse(await response.Content.ReadAsStringAsync());
                Assert.StartsWith(titles[i], page.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
                string? Meta(string property) => page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
                Assert.StartsWith(titles[i], Meta("og:title"), StringComparison.Ordinal);
                Assert.Equal("website", Meta("og:type"));
                Assert.False(string.IsNullOrWhiteSpace(Meta("og:description")));
                Assert.EndsWith(paths[i] + (culture == "en" ? "" : $"?culture={culture}"), Meta("og:url"), StringComparison.Ordinal);
                Assert.Equal(culture switch { "uk" => "uk_UA", "sr-Latn" => "sr_RS", _ => "en_GB" }, Meta("og:locale"));
                Assert.Equal(2, page.QuerySelectorAll("meta[property='og:locale:alternate']").Length);
                var footer = page.QuerySelector("footer")!;
                Assert.NotNull(footer.QuerySelector("a[href='/privacy']"));
                Assert.NotNull(footer.QuerySelector("a[href='/contact#directions']"));
            }
    }

    [Theory, EveryDatabase]
    public async Task The_request_forms_consent_links_the_privacy_notice_in_every_language(DatabaseProvider database)
    {
        _app = apps[database];
        foreach (var culture in new[] { "en", "uk", "sr-Latn" })
        {
            var form = StaffSession.Parse(await _app.CreateClient().GetStringAsync($"/request-information?culture={culture}"));
            var consent = form.QuerySelectorAll("fieldset").Single(f => f.QuerySelector("input[name='Input.Consent']") is not null);
            Assert.NotNull(consent.QuerySelector("a[href='/privacy']"));
        }
    }

    [Theory, EveryDatabase]
    public async Task The_address_edited_in_a_language_shows_on_the_contact_page_and_footer_with_a_map_link(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var stamp = await _app.WithDbAsync(db => db.SitePages.Where(p => p.Slug == PublicPageModel.AddressSlug && p.Language == "uk").Select(p => p.ConcurrencyStamp).SingleAsync());
        var saved = await StaffSession.SubmitFormAsync(admin, "/staff/site/pages/address?language=uk", new Dictionary<string, string>
        {
            ["Input.Title"] = "вул. Тестова, 7, Белград", ["Input.Summary"] = "Де ми.", ["Input.BodyMarkdown"] = "Від вокзалу 300 м пішки.",
            ["Input.ConcurrencyStamp"] = stamp.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var contact = StaffSession.Parse(await _app.CreateClient().GetStringAsync("/contact?culture=uk"));
        Assert.Contains("вул. Тестова, 7, Белград", contact.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Від вокзалу 300\u00A0м пішки.", contact.QuerySelector("main")!.TextContent, StringComparison.Ordinal); // the number keeps its unit
        var map = contact.QuerySelector("dl.facts a[href^='https://www.openstreetmap.org/']")!;
        Assert.Equal("https://www.openstreetmap.org/search?query=" + Uri.EscapeDataString("вул. Тестова, 7, Белград"), map.GetAttribute("href"));
        Assert.Contains("вул. Тестова, 7, Белград", contact.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(contact.QuerySelectorAll("script"), s => s.GetAttribute("src") is { } src && !src.StartsWith('/'));

        // The other languages keep their own address; the edited one is no longer marked as an example.
        var english = StaffSession.Parse(await _app.CreateClient().GetStringAsync("/faq"));
        Assert.DoesNotContain("Тестова", english.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
        Assert.Null(contact.QuerySelector("dl.facts .badge"));
        Assert.NotNull(english.QuerySelector("footer .badge"));
    }
}
