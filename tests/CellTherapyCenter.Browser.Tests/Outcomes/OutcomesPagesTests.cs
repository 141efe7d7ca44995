namespace CellTherapyCenter.Browser.Tests.Outcomes;

/// <summary>The claims audit on the demo cohort, for staff and on the public site, in a real browser.</summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class OutcomesPagesTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    [Fact]
    public async Task Staff_outcomes_page_shows_every_claim_and_its_plots_and_passes_the_accessibility_scan()
    {
        await SignInAsync();
        await Page.GotoAsync("/staff/outcomes");

        Assert.Equal(8, await Page.Locator("section.claim").CountAsync());
        var plots = Page.Locator("figure.plot img");
        var count = Web.Features.Analytics.AnalyticsPlot.All.Count;
        Assert.Equal(count, await plots.CountAsync());
        for (var i = 0; i < count; i++)
        {
            await plots.Nth(i).ScrollIntoViewIfNeededAsync();
            // A decoded image has a natural width: the PNG arrived and the browser could read it.
            await Page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await plots.Nth(i).ElementHandleAsync());
        }
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page);
        await Errors.AssertNoneAsync();
    }

    private const string PictureTextSizes = """
        () => [...document.querySelectorAll('svg.outcome-picture text')].map(t => {
            const svg = t.ownerSVGElement;
            return parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        })
        """;

    /// <summary>The "a few phone screens" before the method tables: at most this many 740 px screens at 360 px.</summary>
    private const int PhoneScreens = 5;

    /// <summary>
    /// The public outcomes page as a family meets it, in each language on a phone (360 px, scale 2)
    /// and a desktop, in one browser context: the eight cards visible before the folded method, which
    /// starts within <see cref="PhoneScreens"/> phone screens, no sideways scroll, picture text drawn
    /// at 12 px or more on the phone, the cards' sentences not left in English on the uk and sr-Latn
    /// pages, and the accessibility scan clean with every card's folded part open.
    /// </summary>
    [Fact]
    public async Task Public_outcomes_cards_read_in_every_language_on_a_phone_and_a_desktop()
    {
        // A phone context of its own (scale 2); the desktop pass resizes it.
        await using var context = await Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            DeviceScaleFactor = 2,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var errors = PageErrors.Watch(page);
        IReadOnlyList<string>? english = null;
        Directory.CreateDirectory(Screenshots.Folder);
        foreach (var culture in new[] { "en", "uk", "sr-Latn" })
        {
            await page.SetViewportSizeAsync(360, 740);
            await page.GotoAsync($"/outcomes?culture={culture}");
            var cards = page.Locator("section.claim");
            Assert.Equal(8, await cards.CountAsync());
            var method = page.Locator("details.outcome-method");
            Assert.False(await method.EvaluateAsync<bool>("d => d.open"), "the method tables start folded");
            // Everything above the method (header, introduction, the eight cards) within a few phone screens.
            var methodTop = await method.EvaluateAsync<double>("d => d.getBoundingClientRect().top + window.scrollY");
            Assert.True(methodTop <= PhoneScreens * 740,
                $"{culture}: the method tables start {methodTop:0} px down at 360 px, {methodTop / 740:0.0} phone screens (at most {PhoneScreens})");
            var sizes = await page.EvaluateAsync<double[]>(PictureTextSizes);
            Assert.NotEmpty(sizes);
            Assert.True(sizes.Min() >= 12, $"{culture}: picture text drawn at {sizes.Min():0.0} px on a 360 px phone");

            // The sentences, counts and picture texts of the cards, against the English ones.
            var texts = await page.Locator("section.claim p.answer, section.claim p.counted, svg.outcome-picture desc").AllTextContentsAsync();
            if (culture == "en") english = texts;
            else
            {
                Assert.Equal(english!.Count, texts.Count);
                for (var i = 0; i < texts.Count; i++) Assert.NotEqual(english[i], texts[i]);
            }

            foreach (var (width, height) in new[] { (360, 740), (1280, 900) })
            {
                await page.SetViewportSizeAsync(width, height);
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                    $"{culture} at {width} px scrolls sideways");
                for (var i = 0; i < 8; i++) Assert.True(await cards.Nth(i).IsVisibleAsync(), $"{culture} at {width} px: card {i + 1} hidden");
                await Screenshots.TakeAsync(page, $"outcomes-{culture}-{width}");
            }
            // The clinic's statement and the n and interval of each card, folded on the page, scanned open.
            await page.EvaluateAsync("() => document.querySelectorAll('details.claim-more').forEach(d => d.open = true)");
            await AxeAssert.NoSeriousViolationsAsync(page);
        }
        await errors.AssertNoneAsync();
    }
}
