using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace CellTherapyCenter.Browser.Tests.Cohorts;

/// <summary>
/// The administrators' external cohorts page on the demo (its synthetic natural-history cohort,
/// public from the seeding): axe-clean at desktop width and at 360 px without the page scrolling
/// sideways, withdrawing and making public again by its buttons, with screenshots of both states.
/// </summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class ExternalCohortsPageBrowserTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    private async Task ScanAsync(string name)
    {
        Assert.Equal(1, await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).CountAsync());
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, name);
        await Page.SetViewportSizeAsync(360, 780);
        // The table scrolls inside its own region; the page itself never sideways.
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "The page scrolls sideways at 360 px.");
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.TakeAsync(Page, $"{name}-360");
        await Page.SetViewportSizeAsync(Screenshots.Desktop.Width, Screenshots.Desktop.Height);
    }

    [Fact]
    public async Task An_administrator_withdraws_the_demo_cohort_and_makes_it_public_again()
    {
        await SignInAsync(StaffRoles.Administrator);
        await Page.GotoAsync("/staff");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Staff" }).GetByRole(AriaRole.Link, new() { Name = "Cohorts" }).ClickAsync();
        await Page.WaitForURLAsync("**/staff/cohorts");
        var row = Page.Locator("tbody tr", new() { HasText = DemoNaturalHistoryCohort.Name });
        await Expect(row.Locator(".badge.synthetic")).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("not real patients");
        await ScanAsync("staff-cohorts-public");

        await row.GetByRole(AriaRole.Button, new() { Name = "Withdraw " + DemoNaturalHistoryCohort.Name }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("is withdrawn");
        await Expect(row).ToContainTextAsync("Not public");
        await ScanAsync("staff-cohorts-withdrawn");

        await row.GetByRole(AriaRole.Button, new() { Name = "Make public " + DemoNaturalHistoryCohort.Name }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("is public");
        await Errors.AssertNoneAsync();
    }
}
