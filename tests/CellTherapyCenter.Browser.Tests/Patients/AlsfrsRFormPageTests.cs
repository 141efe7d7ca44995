using CellTherapyCenter.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Browser.Tests.Patients;

/// <summary>The ALSFRS-R grid: axe-clean in each state, the total follows the answers, and the keyboard reaches every item.</summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class AlsfrsRFormPageTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    [Fact]
    public async Task The_grid_scores_live_asks_before_saving_an_incomplete_one_and_passes_the_accessibility_scan()
    {
        await SignInAsync(StaffRoles.Physician);
        var id = await App.WithDbAsync(db => db.Patients.OrderBy(p => p.Pseudonym).Select(p => p.Id).FirstAsync());
        await Page.GotoAsync($"/staff/patients/{id}/assessments/new");
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "alsfrs-r-form-blank");

        var total = Page.Locator("[data-total]");
        await Assertions.Expect(total).ToHaveAttributeAsync("aria-live", "polite");
        await Page.GetByLabel("Quick entry").FillAsync("4433 4221 34");
        await Assertions.Expect(total).ToHaveTextAsync("No total: 2 of 12 not answered");
        // A radio button changes the total and the quick entry alike.
        await Page.Locator("#item-11").GetByRole(AriaRole.Radio, new() { Name = "2 Needs more than two pillows" }).CheckAsync();
        await Page.Locator("#item-12").GetByRole(AriaRole.Radio, new() { Name = "4 None" }).CheckAsync();
        await Assertions.Expect(total).ToHaveTextAsync("Total 36/48");
        await Assertions.Expect(Page.GetByLabel("Quick entry")).ToHaveValueAsync("4433 4221 3424");
        await Assertions.Expect(Page.Locator("[data-domain-score=Respiratory]")).ToHaveTextAsync("10");

        await Page.Locator("#item-12").GetByRole(AriaRole.Radio, new() { Name = "Not answered" }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save and finish" }).ClickAsync();
        var confirmation = Page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(confirmation).ToContainTextAsync("1 item is not answered");
        await Assertions.Expect(confirmation.GetByRole(AriaRole.Link, new() { Name = "12. Breathing support" })).ToBeVisibleAsync();
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "alsfrs-r-form-confirm");

        // The keyboard reaches the last item's answers.
        await KeyboardNavigation.TabToAsync(Page, "#item-12 input[type=radio]:checked", maxPresses: 80);
        await Errors.AssertNoneAsync();
    }
}
