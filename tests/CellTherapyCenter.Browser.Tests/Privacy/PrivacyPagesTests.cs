using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Inquiries;
using CellTherapyCenter.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CellTherapyCenter.Browser.Tests.Privacy;

/// <summary>
/// The administrators' privacy pages in the browser: the erasure request in each of its states, the
/// records of processing, and the confirmation before deleting a request; axe-clean, with
/// screenshots at 390 and 1280 px and at 360 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PrivacyPagesTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    private async Task ScanAsync(string name)
    {
        Assert.Equal(1, await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).CountAsync());
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, name);
        await Page.SetViewportSizeAsync(360, 780);
        await Screenshots.TakeAsync(Page, $"{name}-360");
        await Page.SetViewportSizeAsync(Screenshots.Desktop.Width, Screenshots.Desktop.Height);
    }

    [Fact]
    public async Task The_erasure_records_of_processing_and_delete_pages_pass_the_accessibility_scan()
    {
        var id = await Arrange.PatientWithHistoryAsync(App, "Erasurova");
        var inquiryId = await App.WithDbAsync(async db =>
        {
            var inquiry = new Inquiry
            {
                Reference = "RQ-BRWSR" + Guid.NewGuid().ToString("N")[..3].ToUpperInvariant(), SubmittedAt = DateTime.UtcNow.AddDays(-2),
                RequesterRole = RequesterRole.Relative, Name = "Marko Petrović", Email = "marko@example.org", Country = "RS", PreferredLanguage = "sr",
                ConsentWording = "I agree.", ConsentGivenAt = DateTime.UtcNow.AddDays(-2),
            };
            db.Inquiries.Add(inquiry);
            await db.SaveChangesAsync();
            return inquiry.Id;
        });
        await SignInAsync(StaffRoles.Administrator);

        await Page.GotoAsync($"/staff/patients/{id}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Erasure request" }).ClickAsync();
        await Page.WaitForURLAsync($"**/staff/patients/{id}/erasure");
        await ScanAsync("staff-erasure-request");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the request and restrict processing" }).ClickAsync();
        await Page.WaitForSelectorAsync("text=Processing restricted since");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pseudonymise now" }).ClickAsync();
        await Page.WaitForSelectorAsync("text=Tick the box to confirm");
        await ScanAsync("staff-erasure-unconfirmed");
        await Page.GetByLabel("I confirm").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pseudonymise now" }).ClickAsync();
        await Page.WaitForSelectorAsync("h1:has-text('Erased')");
        await ScanAsync("staff-erasure-done");

        await Page.GotoAsync($"/staff/patients/{id}");
        await Expect(Page.Locator("h1 .badge.restricted")).ToBeVisibleAsync();
        await ScanAsync("staff-chart-restricted");

        await Page.GotoAsync("/staff/privacy");
        await ScanAsync("staff-records-of-processing");

        await Page.GotoAsync($"/staff/inquiries/{inquiryId}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Delete this request…" }).ClickAsync();
        await Page.WaitForURLAsync($"**/staff/inquiries/{inquiryId}/delete");
        await ScanAsync("staff-inquiry-delete");
        await Errors.AssertNoneAsync();
    }
}
