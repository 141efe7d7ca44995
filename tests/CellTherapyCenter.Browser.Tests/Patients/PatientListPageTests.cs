using CellTherapyCenter.Clinical.Text;
using Microsoft.Playwright;

namespace CellTherapyCenter.Browser.Tests.Patients;

[Collection(DemoBrowserCollection.Name)]
public sealed class PatientListPageTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    [Fact]
    public async Task Patient_list_with_the_demo_cohort_passes_the_accessibility_scan()
    {
        await SignInAsync();
        await Page.GotoAsync("/staff/patients");

        Assert.True(await Page.Locator("tbody tr").CountAsync() > 0, "the demo cohort should fill the list");
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page);
        await Errors.AssertNoneAsync();
    }

    [Fact]
    public async Task Search_sort_and_jump_by_keyboard()
    {
        await SignInAsync();
        await Page.GotoAsync("/staff/patients");

        // A Cyrillic query finds the Latin names of the demo cohort: a Serbian family name on the
        // first page ("Demo-Jovanović, Ana"), typed in Cyrillic ("Јовановић").
        var listed = await Page.Locator("tbody tr td:first-child a").AllInnerTextsAsync();
        var family = listed.Select(n => n.Split(',')[0].Replace("Demo-", "", StringComparison.Ordinal))
            .First(n => n.EndsWith("ić", StringComparison.Ordinal));
        await Page.Locator("#Q").FillAsync(NameFolding.SerbianLatinToCyrillic(family));
        await Page.Locator("#Q").PressAsync("Enter");
        await Page.WaitForURLAsync("**/staff/patients?Q=*");
        var names = await Page.Locator("tbody tr td:first-child a").AllInnerTextsAsync();
        Assert.Contains(names, n => n.StartsWith($"Demo-{family},", StringComparison.Ordinal));
        // Any part of a name matches: "Илић" finds Milić too.
        Assert.All(names, n => Assert.Contains(NameFolding.Fold(family), NameFolding.Fold(n), StringComparison.Ordinal));
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "patients-search");

        // Sort by ALSFRS-R from the keyboard: the heading says so and the totals rise.
        await Page.GotoAsync("/staff/patients");
        var heading = Page.Locator("th", new() { HasText = "ALSFRS-R" });
        await heading.Locator("a").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**sort=alsfrs*");
        Assert.Equal("ascending", await heading.GetAttributeAsync("aria-sort"));
        var totals = (await Page.Locator("tbody tr td:nth-child(7)").AllInnerTextsAsync())
            .Where(t => t != "–").Select(int.Parse).ToList();
        Assert.NotEmpty(totals);
        Assert.Equal(totals.Order(), totals);
        await AxeAssert.NoSeriousViolationsAsync(Page);

        // Jump to the last page; the sort stays.
        var caption = await Page.Locator("caption").InnerTextAsync();
        var last = caption[(caption.LastIndexOf(' ') + 1)..];
        await Page.Locator("#jump-page").FillAsync(last);
        await Page.Locator("#jump-page").PressAsync("Enter");
        await Page.WaitForURLAsync($"**p={last}*");
        Assert.EndsWith($"page {last} of {last}", await Page.Locator("caption").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("ascending", await heading.GetAttributeAsync("aria-sort"));
        var current = await Page.Locator("a[aria-current=page]").TextContentAsync() ?? "";
        Assert.Equal($"Page {last}", current.Trim());
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "patients-sorted-last-page");
        // The narrowest phone the staff pages are read on: the table scrolls, the pager wraps.
        await Page.SetViewportSizeAsync(360, 800);
        await Screenshots.TakeAsync(Page, "patients-sorted-last-page-360");
        await Errors.AssertNoneAsync();
    }
}
