namespace CellTherapyCenter.Browser.Tests.PublicSite;

/// <summary>
/// The public site's keyboard order and a download. Every public page's load, one h1 and axe scan
/// (en, uk and sr-Latn at 360 px, English at desktop width) are in CrossPage/CrossPageTests.
/// </summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class PublicPagesBrowserTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    [Fact]
    public async Task The_first_tab_stop_is_the_skip_link_then_the_call_link_the_languages_and_every_nav_link_in_order()
    {
        await Page.GotoAsync("/");
        await Page.Keyboard.PressAsync("Tab");
        Assert.True(await KeyboardNavigation.HasFocusAsync(Page.Locator("a.skip-link")), "the skip link should be the first stop");
        await KeyboardNavigation.TabToAsync(Page, "header a.phone");
        Assert.StartsWith("tel:", await Page.Locator("header a.phone").GetAttributeAsync("href"));
        foreach (var culture in new[] { "en", "uk", "sr-Latn" })
            Assert.Empty(await KeyboardNavigation.TabToAsync(Page, $"header .language-switcher button[value='{culture}']", maxPresses: 1));
        string[] nav = ["/", "/als", "/treatment", "/outcomes", "/cases", "/publications", "/patents", "/team", "/costs", "/faq", "/contact", "/request-information"];
        foreach (var href in nav)
        {
            var passed = await KeyboardNavigation.TabToAsync(Page, $"nav .nav-wide a[href='{href}']", maxPresses: 2);
            Assert.Empty(passed); // each nav link is the very next stop
        }
    }

    [Fact]
    public async Task A_publication_downloads_as_a_pdf()
    {
        await Page.GotoAsync("/publications");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("ul.documents a").First.ClickAsync());
        var path = await download.PathAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path!).AsSpan(0, 5)));
    }
}
