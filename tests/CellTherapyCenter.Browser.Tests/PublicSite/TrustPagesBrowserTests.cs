namespace CellTherapyCenter.Browser.Tests.PublicSite;

/// <summary>
/// The pages of issue 17, item 3 (team, costs, questions, privacy notice, contact with the address)
/// and the menu that collapses on a phone without script: at 360 px and on a desktop, in every
/// language, axe-clean, never scrolling sideways, the phone number on one line.
/// </summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class TrustPagesBrowserTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    private static readonly string[] Paths = ["/team", "/costs", "/faq", "/privacy", "/contact"];
    private static readonly string[] Cultures = ["en", "uk", "sr-Latn"];
    private const string WiderThanThePage = "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ': ' + (e.textContent || '').trim().slice(0, 40)).join(' | ')";
    private readonly ChromiumBrowser _chromium = chromium;

    [Fact]
    public async Task The_new_pages_and_the_menu_read_well_on_a_phone_and_a_desktop_in_every_language()
    {
        // One context, a phone's (360 × 740 at twice the pixels), widened to a desktop for the second pass.
        await using var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 360, Height = 740 }, DeviceScaleFactor = 2, Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        var errors = PageErrors.Watch(page);
        Directory.CreateDirectory(Screenshots.Folder);
        foreach (var (width, height) in new[] { (360, 740), (1280, 900) })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var culture in Cultures)
            {
                foreach (var path in Paths)
                {
                    var where = $"{path} in {culture} at {width} px";
                    var response = await page.GotoAsync($"{path}?culture={culture}");
                    Assert.Equal(200, response!.Status);
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, $"site{path.Replace('/', '-')}-{culture}-{width}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
                    Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                        $"{where} scrolls sideways: " + await page.EvaluateAsync<string>(WiderThanThePage));
                    Assert.Equal(1, await page.Locator("header a.phone .number").EvaluateAsync<int>("e => e.getClientRects().length")); // one line: nowrap
                    if (path == "/team")
                        foreach (var img in await page.Locator("ul.team img").AllAsync())
                        {
                            Assert.False(string.IsNullOrWhiteSpace(await img.GetAttributeAsync("alt")), where);
                            Assert.True(await img.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), $"{where}: a photo did not load");
                        }
                    // Every page on a phone; on a desktop the layout differs only by the menu, scanned in English.
                    if (width == 360 || culture == "en") await AxeAssert.NoSeriousViolationsAsync(page);
                }
                await CheckMenuAsync(page, culture, width, height);
            }
        }
        await errors.AssertNoneAsync();
    }

    /// <summary>On a phone the list hides behind "Menu", opened from the keyboard; on a desktop the list shows and "Menu" does not.</summary>
    private static async Task CheckMenuAsync(IPage page, string culture, int width, int height)
    {
        await page.GotoAsync($"/?culture={culture}");
        var summary = page.Locator("nav .nav-menu > summary");
        var wide = page.Locator("nav .nav-wide");
        var teamInMenu = page.Locator("nav .nav-menu a[href='/team']");
        if (width >= 768)
        {
            Assert.False(await summary.IsVisibleAsync());
            Assert.True(await wide.IsVisibleAsync());
            return;
        }
        Assert.False(await wide.IsVisibleAsync());
        Assert.False(await teamInMenu.IsVisibleAsync());
        Assert.True(await page.Locator("nav .nav-narrow > a.button").IsVisibleAsync(), "the main action stays in sight");
        var header = await page.Locator("header.public-header").BoundingBoxAsync();
        Assert.True(header!.Height < height * 0.4, $"the header takes {header.Height} of {height} px in {culture}");
        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await teamInMenu.IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"the open menu scrolls sideways in {culture}");
        await AxeAssert.NoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, $"site-menu-open-{culture}-{width}.png"), Animations = ScreenshotAnimations.Disabled });
        await teamInMenu.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/team");
    }
}
