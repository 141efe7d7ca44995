using CellTherapyCenter.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace CellTherapyCenter.Browser.Tests.Outcomes;

/// <summary>
/// The demo's synthetic natural-history cohort beside the progression and survival claims: on the
/// staff audit page, and on the public page (public from the seeding) in every language, at 360 px
/// and at desktop width, with no sideways scroll and the accessibility scan clean.
/// </summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class ExternalCohortComparisonBrowserTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    private async Task AtEachWidthAsync(ILocator section, string name)
    {
        foreach (var (width, height) in new[] { (360, 740), Screenshots.Desktop })
        {
            await Page.SetViewportSizeAsync(width, height);
            await section.ScrollIntoViewIfNeededAsync();
            Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                $"{name}: the page scrolls sideways at {width} px.");
            await Screenshots.TakeAsync(Page, $"{name}-{width}", fullPage: false);
        }
        await AxeAssert.NoSeriousViolationsAsync(Page);
    }

    [Fact]
    public async Task Staff_see_the_cohort_beside_the_progression_and_survival_claims()
    {
        await SignInAsync();
        await Page.GotoAsync("/staff/outcomes");
        var beside = Page.Locator("section.claim-cohort");
        Assert.Equal(2, await beside.CountAsync()); // beside P and S
        await Expect(beside.First).ToContainTextAsync(DemoNaturalHistoryCohort.Name);
        await Expect(beside.First).ToContainTextAsync("Difference in slope, treated − external cohort");
        await Expect(beside.Nth(1)).ToContainTextAsync("Hazard ratio of death, treated against the external cohort, adjusted");
        var plot = Page.Locator("figure.plot img[src*='survival-vs-cohort']");
        await plot.ScrollIntoViewIfNeededAsync();
        await Page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await plot.ElementHandleAsync());
        await AtEachWidthAsync(beside.Nth(1), "staff-outcomes-cohort");
        await Errors.AssertNoneAsync();
    }

    [Theory]
    [InlineData("en", "Beside an external cohort")]
    [InlineData("uk", "Поруч із зовнішньою когортою")]
    [InlineData("sr-Latn", "Uporedo sa spoljnom kohortom")]
    public async Task The_public_page_shows_the_public_cohort_with_its_source_in_every_language(string culture, string heading)
    {
        await Page.GotoAsync($"/outcomes?culture={culture}");
        await Page.Locator("details.outcome-method > summary").ClickAsync();
        var beside = Page.Locator("section.claim-cohort");
        Assert.Equal(2, await beside.CountAsync());
        await Expect(beside.First.GetByRole(AriaRole.Heading)).ToContainTextAsync(heading);
        await Expect(beside.First).ToContainTextAsync("not real patients");
        await AtEachWidthAsync(beside.Nth(1), $"public-outcomes-cohort-{culture}");
        await Errors.AssertNoneAsync();
    }
}
