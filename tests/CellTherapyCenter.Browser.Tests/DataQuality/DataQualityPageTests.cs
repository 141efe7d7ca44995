using CellTherapyCenter.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Browser.Tests.DataQuality;

/// <summary>The visit form's missing-value controls and range warnings, and the data-quality page, in the browser: axe-clean, with screenshots (also at 360 px).</summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class DataQualityPageTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    private async Task CaptureNarrowAsync(string name)
    {
        await Page.SetViewportSizeAsync(360, 780);
        await Screenshots.TakeAsync(Page, $"{name}-360");
        await Page.SetViewportSizeAsync(Screenshots.Desktop.Width, Screenshots.Desktop.Height);
    }

    [Fact]
    public async Task The_visit_form_with_its_range_warnings_passes_the_accessibility_scan()
    {
        var id = await App.WithDbAsync(db => db.Diagnoses.Where(d => d.VoidedAt == null && d.DiagnosisDate != null).Select(d => d.PatientId).FirstAsync());
        await SignInAsync(StaffRoles.Physician);
        await Page.GotoAsync($"/staff/patients/{id}/visits/new");
        Assert.Equal(13, await Page.Locator("input[type=radio][value=NotAssessed]:checked").CountAsync());
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "visit-form");
        await CaptureNarrowAsync("visit-form");

        await Page.FillAsync("#Input_FvcPercentPredicted", "160");
        await Page.FillAsync("#Input_WeightKg", "25");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Page.WaitForSelectorAsync("#warning-FvcPercentPredicted");
        Assert.True(await Page.Locator("#warning-WeightKg").IsVisibleAsync());
        Assert.True(await Page.Locator("button[name='Input.SaveAnyway']").IsVisibleAsync());
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "visit-form-warnings");
        await CaptureNarrowAsync("visit-form-warnings");

        // Saved anyway with a reason: the chart shows the visit with its status beside it.
        await Page.FillAsync("#Input_RangeWarningReason", "Measured twice");
        await Page.ClickAsync("button[name='Input.SaveAnyway']");
        await Page.WaitForURLAsync($"**/staff/patients/{id}");
        Assert.True(await Page.Locator(".timeline .badge.status-incomplete").CountAsync() > 0);
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "chart-after-visit");
        await Errors.AssertNoneAsync();
    }

    [Fact]
    public async Task The_data_quality_page_with_the_demo_cohort_passes_the_accessibility_scan()
    {
        await SignInAsync(StaffRoles.Coordinator);
        await Page.GotoAsync("/staff/data-quality");
        Assert.Equal(4, await Page.Locator("main h2").CountAsync());
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page);
        await CaptureNarrowAsync("staff-data-quality");
        await Errors.AssertNoneAsync();
    }
}
