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
        Assert.Equal(5, await plots.CountAsync());
        for (var i = 0; i < 5; i++)
        {
            await plots.Nth(i).ScrollIntoViewIfNeededAsync();
            // A decoded image has a natural width: the PNG arrived and the browser could read it.
            await Page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await plots.Nth(i).ElementHandleAsync());
        }
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page);
        await Errors.AssertNoneAsync();
    }

    [Fact]
    public async Task Public_outcomes_page_shows_measured_figures_with_their_intervals_and_passes_the_accessibility_scan()
    {
        await Page.GotoAsync("/outcomes");

        Assert.Equal(8, await Page.Locator("section.claim").CountAsync());
        Assert.True(await Page.GetByText("95% CI").CountAsync() > 0, "measured figures carry their interval");
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page);
        await Errors.AssertNoneAsync();
    }
}
