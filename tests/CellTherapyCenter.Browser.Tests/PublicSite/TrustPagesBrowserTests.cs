namespace CellTherapyCenter.Browser.Tests.PublicSite;

/// <summary>
/// The menu that collapses on a phone without script (issue 17, item 3), and the team page's
/// photos, at 360 px and on a desktop in every language. The pages themselves (team, costs,
/// questions, privacy notice, contact) are walked with every other public page by
/// CrossPage/CrossPageTests: axe, no sideways scroll, no cut heading, the phone number on one line.
/// </summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class TrustPagesBrowserTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    private static readonly string[] Cultures = ["en", "uk", "sr-Latn"];
    private readonly ChromiumBrowser _chromium = chromium;

    [Fact]
    public async Task The_menu_opens_from_the_keyboard_on_a_phone_and_the_team_photos_load_in_every_language()
    {
        // One context, a phone's (360 × 740 at twice the pixels), widened to a desktop for the second pass.
        await using var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 360, Height = 740 }, DeviceScaleFactor = 2, Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        var errors = PageErrors.Watch(page);
        foreach (var (width, height) in new[] { (360, 740), (1280, 900) })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var culture in Cultures)
            {
                await CheckMenuAsync(page, culture, width, height); // on a phone it ends on /team, opened from the menu
                if (new Uri(page.Url).AbsolutePath != "/team") await page.GotoAsync($"/team?culture={culture}");
                var where = $"/team in {culture} at {width} px";
                var photos = page.Locator("ul.team img");
                Assert.True(await photos.CountAsync() > 0, $"{where}: no photo");
                foreach (var img in await photos.AllAsync())
                {
                    Assert.False(string.IsNullOrWhiteSpace(await img.GetAttributeAsync("alt")), where);
                    Assert.True(await img.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), $"{where}: a photo did not load");
                }
                await Screenshots.TakeAsync(page, $"site-team-{culture}-{width}");
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
        await AxeAssert.NoSeriousViolationsAsync(page); // the open menu: a state the walk never sees
        await Screenshots.TakeAsync(page, $"site-menu-open-{culture}-{width}", fullPage: false);
        await teamInMenu.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/team");
    }
}
