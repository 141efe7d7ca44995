using System.Net;
using System.Text.Json;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.PublicSite;

/// <summary>
/// The public site in English, Ukrainian and Serbian (Latin): how the language is chosen
/// (?culture=, the cookie POST /language sets, Accept-Language), that the page says which language
/// it is in, and that the output cache keeps each language's copy apart.
/// </summary>
public sealed class PublicLanguageTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    public static TheoryData<string> PublicPaths => new() { "/", "/als", "/treatment", "/outcomes", "/cases", "/publications", "/patents", "/contact", "/request-information" };

    /// <summary>Words of the layout in each language (the skip link and a nav item), and its lang attribute.</summary>
    private static readonly Dictionary<string, (string Lang, string SkipLink, string NavItem)> Chrome = new()
    {
        ["en"] = ("en", "Skip to main content", "About ALS"),
        ["uk"] = ("uk", "Перейти до основного вмісту", "Про БАС"),
        ["sr"] = ("sr-Latn", "Pređi na glavni sadržaj", "O ALS-u"),
    };

    private static HttpRequestMessage Get(string path, string? acceptLanguage = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        return request;
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return StaffSession.Parse(await response.Content.ReadAsStringAsync());
    }

    private static void AssertLanguage(AngleSharp.Html.Dom.IHtmlDocument page, string language)
    {
        var (lang, skip, nav) = Chrome[language];
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(skip, page.QuerySelector("a.skip-link")?.TextContent);
        Assert.Contains(nav, page.QuerySelectorAll("nav a").Select(a => a.TextContent));
        Assert.Equal(lang, page.QuerySelector(".language-switcher button[aria-pressed=true]")?.GetAttribute("value"));
    }

    private static Task<HttpResponseMessage> ChooseAsync(HttpClient client, string culture, string returnUrl) =>
        client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = returnUrl }));

    [Theory]
    [EveryDatabase("uk", "uk")]
    [EveryDatabase("uk-UA,uk;q=0.9,en;q=0.5", "uk")]
    [EveryDatabase("sr-Latn-RS,sr;q=0.8", "sr")]
    [EveryDatabase("sr-RS,sr;q=0.9,en;q=0.5", "sr")]
    [EveryDatabase("sr", "sr")]
    [EveryDatabase("en;q=0.3, uk;q=0.8", "uk")]
    [EveryDatabase("de-DE, sr;q=0.7, uk;q=0.7", "sr")]
    [EveryDatabase("de-DE,de;q=0.9", "en")]
    [EveryDatabase("en-GB,en;q=0.9", "en")]
    public async Task Accept_language_chooses_the_language(DatabaseProvider database, string header, string expected)
    {
        _app = apps[database];
        AssertLanguage(await PageAsync(_app.CreateClient(), Get("/als", header)), expected);
    }

    [Theory]
    [EveryDatabase("sr", "sr")]
    [EveryDatabase("sr-Latn", "sr")]
    [EveryDatabase("sr-Cyrl", "sr")]
    [EveryDatabase("uk", "uk")]
    [EveryDatabase("en", "en")]
    public async Task A_culture_in_the_address_chooses_the_language_over_accept_language(DatabaseProvider database, string culture, string expected)
    {
        _app = apps[database];
        AssertLanguage(await PageAsync(_app.CreateClient(), Get($"/contact?culture={culture}", "de-DE, en;q=0.5")), expected);
    }

    [Theory, EveryDatabase]
    public async Task Serbian_is_written_in_latin_script(DatabaseProvider database)
    {
        _app = apps[database];
        var page = await PageAsync(_app.CreateClient(), Get("/?culture=sr"));
        var text = page.Body!.TextContent;
        Assert.Contains("Početna", text);
        // The only Cyrillic is the switcher's own name for Ukrainian.
        var cyrillic = page.Body.QuerySelectorAll("*").Where(e => e.ChildNodes.Any(n => n.NodeType == AngleSharp.Dom.NodeType.Text && n.TextContent.Any(c => c is >= '\u0400' and <= '\u04FF')))
            .Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["Українська"], cyrillic);
    }

    [Theory, EveryDatabase]
    public async Task The_cookie_set_by_post_language_wins_over_accept_language_and_the_page_comes_back(DatabaseProvider database)
    {
        _app = apps[database];
        var client = _app.CreateBrowserClient();
        var chosen = await ChooseAsync(client, "sr-Latn", "/treatment");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/treatment", chosen.Headers.Location?.OriginalString);
        var cookie = Assert.Single(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        AssertLanguage(await PageAsync(client, Get("/treatment", "uk-UA,uk")), "sr");
        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(client, "uk", "/")).StatusCode);
        AssertLanguage(await PageAsync(client, Get("/", "sr, en;q=0.5")), "uk");
        // The address still wins over the cookie: a shared link opens in the language it names.
        AssertLanguage(await PageAsync(client, Get("/?culture=en")), "en");
    }

    [Theory, EveryDatabase]
    public async Task The_switcher_returns_to_the_same_page_without_a_culture_in_its_address(DatabaseProvider database)
    {
        _app = apps[database];
        var page = await PageAsync(_app.CreateClient(), Get("/contact?culture=uk&x=1"));
        var form = page.QuerySelector("form.language-switcher")!;
        Assert.Equal("/language", form.GetAttribute("action"));
        Assert.Equal("/contact?x=1", form.QuerySelector("input[name=returnUrl]")?.GetAttribute("value"));
        Assert.Equal(["en", "uk", "sr-Latn"], form.QuerySelectorAll("button[name=culture]").Select(b => b.GetAttribute("value")!));
        Assert.Equal(["en", "uk", "sr-Latn"], form.QuerySelectorAll("button[name=culture]").Select(b => b.GetAttribute("lang")!));
        Assert.Equal("Мова", form.QuerySelector("ul")?.GetAttribute("aria-label"));
    }

    [Theory]
    [EveryDatabase("xx")]
    [EveryDatabase("")]
    [EveryDatabase("ru")]
    public async Task An_unknown_language_is_refused_with_problem_details_and_no_cookie(DatabaseProvider database, string culture)
    {
        _app = apps[database];
        var client = _app.CreateBrowserClient();
        var response = await ChooseAsync(client, culture, "/");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Unknown language", problem.RootElement.GetProperty("title").GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [EveryDatabase("https://evil.example/", "/")]
    [EveryDatabase("//evil.example/path", "/")]
    [EveryDatabase("/\\evil.example", "/")]
    [EveryDatabase("javascript:alert(1)", "/")]
    [EveryDatabase("", "/")]
    [EveryDatabase("/cases\u0001", "/")]
    [EveryDatabase("/cases\r\nSet-Cookie: x=1", "/")]
    [EveryDatabase("/\t/evil.example", "/")]
    [EveryDatabase("/cases?page=2", "/cases?page=2")]
    public async Task Only_a_local_return_address_is_followed(DatabaseProvider database, string returnUrl, string expected)
    {
        _app = apps[database];
        var response = await ChooseAsync(_app.CreateBrowserClient(), "uk", returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [EveryDatabaseMemberData(nameof(PublicPaths))]
    public async Task Every_public_page_says_which_language_it_is_in(DatabaseProvider database, string path)
    {
        _app = apps[database];
        foreach (var language in Chrome.Keys)
            AssertLanguage(await PageAsync(_app.CreateClient(), Get($"{path}?culture={language}")), language);
    }

    [Theory, EveryDatabase]
    public async Task The_clinics_hours_and_address_are_in_the_visitors_language_unless_configured(DatabaseProvider database)
    {
        _app = apps[database];
        var uk = (await PageAsync(_app.CreateClient(), Get("/contact?culture=uk"))).QuerySelector("main")!.TextContent;
        Assert.Contains("З понеділка по п’ятницю, 9:00–17:00", uk);
        Assert.Contains("Белград, Сербія", uk);
        var sr = (await PageAsync(_app.CreateClient(), Get("/contact?culture=sr"))).QuerySelector("footer")!.TextContent;
        Assert.Contains("Od ponedeljka do petka, 9:00–17:00", sr);

        using var configured = _app.WithWebHostBuilder(b => b
            .UseSetting("Clinic:Hours", "Every day, 8:00 to 20:00")
            .UseSetting("Clinic:HoursByLanguage:sr", "Svakog dana, 8:00–20:00"));
        Assert.Contains("Svakog dana, 8:00–20:00", (await PageAsync(configured.CreateClient(), Get("/contact?culture=sr-Latn"))).QuerySelector("main")!.TextContent);
        // No Ukrainian version configured: the configured text, not the site's default.
        Assert.Contains("Every day, 8:00 to 20:00", (await PageAsync(configured.CreateClient(), Get("/contact?culture=uk"))).QuerySelector("main")!.TextContent);
    }

    [Theory, EveryDatabase]
    public async Task The_output_cache_keeps_each_language_apart(DatabaseProvider database)
    {
        _app = apps[database];
        await _app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicSiteCache.Tag, default);
        var client = _app.CreateClient();
        // Filled by a Ukrainian visitor first, then asked for in each language (twice: the second is a cache hit).
        foreach (var (header, language) in new[] { ("uk", "uk"), ("en", "en"), (null, "en"), ("sr", "sr"), ("uk", "uk"), ("en", "en"), ("sr", "sr") })
        {
            foreach (var path in new[] { "/", "/outcomes" }) // the page policy and the live policy
            {
                var response = await client.SendAsync(Get(path, header));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                AssertLanguage(StaffSession.Parse(await response.Content.ReadAsStringAsync()), language);
            }
        }
        // A cookie chooses the cached copy too.
        var browser = _app.CreateBrowserClient();
        await ChooseAsync(browser, "sr", "/");
        AssertLanguage(await PageAsync(browser, Get("/")), "sr");
        var hit = await browser.SendAsync(Get("/"));
        Assert.True(hit.Headers.Age is not null, "the second request in one language should be served from the cache");
    }
}
