namespace CellTherapyCenter.Browser.Tests.PublicSite;

/// <summary>
/// Choosing Ukrainian or Serbian with the keyboard alone: the switcher's buttons in the header,
/// the same page coming back in the chosen language, the choice remembered on the next page, and
/// the home page in each language passing the accessibility scan. Every public page in each
/// language, its layout at 360 px and its scan, is in CrossPage/CrossPageTests.
/// </summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class LanguageSwitcherBrowserTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    [Theory]
    [InlineData("uk", "Enter", "Перейти до основного вмісту", "Про БАС")]
    [InlineData("sr-Latn", "Space", "Pređi na glavni sadržaj", "O ALS-u")]
    public async Task A_language_chosen_with_the_keyboard_translates_the_site_and_the_home_page_passes_the_scan(
        string culture, string key, string skipLink, string navItem)
    {
        await Page.GotoAsync("/treatment");
        Assert.Equal("en", await Page.Locator("html").GetAttributeAsync("lang"));

        var button = $"header .language-switcher button[value='{culture}']";
        await KeyboardNavigation.TabToAsync(Page, button);
        await Page.RunAndWaitForResponseAsync(() => Page.Keyboard.PressAsync(key),
            r => r.Request.Method == "GET" && new Uri(r.Url).AbsolutePath == "/treatment");
        await Page.WaitForLoadStateAsync();

        Assert.Equal("/treatment", new Uri(Page.Url).AbsolutePath); // the same page, now translated
        Assert.Equal(culture, await Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("true", await Page.Locator(button).GetAttributeAsync("aria-pressed"));
        Assert.Equal(skipLink, (await Page.Locator("a.skip-link").TextContentAsync())?.Trim());

        // Remembered: the next page opens in the chosen language, and reads correctly to the scan.
        await Page.GotoAsync("/");
        Assert.Equal(culture, await Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains(navItem, await Page.Locator("nav a").AllInnerTextsAsync());
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, $"home-{culture}");

        // And back to English the same way.
        await KeyboardNavigation.TabToAsync(Page, "header .language-switcher button[value='en']");
        await Page.RunAndWaitForResponseAsync(() => Page.Keyboard.PressAsync("Enter"),
            r => r.Request.Method == "GET" && new Uri(r.Url).AbsolutePath == "/");
        await Page.WaitForLoadStateAsync();
        Assert.Equal("en", await Page.Locator("html").GetAttributeAsync("lang"));
        await Errors.AssertNoneAsync();
    }

    [Fact]
    public async Task Each_language_button_is_a_large_target_with_a_visible_focus_ring()
    {
        foreach (var width in new[] { 390, 1280 })
        {
            await Page.SetViewportSizeAsync(width, 800);
            await Page.GotoAsync("/?culture=uk");
            var buttons = Page.Locator("header .language-switcher button");
            Assert.Equal(3, await buttons.CountAsync());
            for (var i = 0; i < 3; i++)
            {
                var box = await buttons.Nth(i).BoundingBoxAsync();
                Assert.True(box is { Width: >= 44, Height: >= 44 }, $"button {i} at {width} px is {box?.Width}×{box?.Height}");
                await buttons.Nth(i).FocusAsync();
                var outline = await buttons.Nth(i).EvaluateAsync<string>("b => { const s = getComputedStyle(b); return s.outlineStyle + ' ' + s.outlineWidth; }");
                Assert.Equal("solid 3px", outline);
            }
        }
    }
}
