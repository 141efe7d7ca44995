using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Browser.Tests.Patients;

/// <summary>The pages that correct or void one child row (a transplantation, a visit finding), used as a clinician would, scanned with axe.</summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class RowCorrectionPagesTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    private async Task ScanAsync(string name)
    {
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, name);
        // The narrowest phones too.
        await Page.SetViewportSizeAsync(360, 780);
        await Screenshots.TakeAsync(Page, $"{name}-360");
        await AxeAssert.NoSeriousViolationsAsync(Page);
    }

    [Fact]
    public async Task A_transplantation_is_corrected_and_voided_from_the_course_page()
    {
        var course = await App.WithDbAsync(db => db.Transplantations.AsNoTracking()
            .Where(t => t.VoidedAt == null && t.TreatmentCourse!.VoidedAt == null)
            .GroupBy(t => new { t.PatientId, t.TreatmentCourseId }).Where(g => g.Count() >= 2)
            .Select(g => g.Key).FirstAsync());
        var (patientId, courseId) = (course.PatientId, course.TreatmentCourseId);
        await SignInAsync();
        await Page.GotoAsync($"/staff/patients/{patientId}/courses/{courseId}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Correct or void" }).First.ClickAsync();
        await Page.WaitForURLAsync(url => url.Contains("/transplantations/", StringComparison.Ordinal));
        await ScanAsync("transplantation-form");

        await Page.GetByLabel("Cell product lot").FillAsync("DEMO-LOT-CORRECTED");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save correction" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/transplantations/", StringComparison.Ordinal));
        Assert.Contains("saved", await Page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        await ScanAsync("course-after-correction");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Correct or void" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Void" }).ClickAsync();
        Assert.Contains("Give a reason", await Page.Locator("[data-valmsg-for='VoidReason']").TextContentAsync(), StringComparison.Ordinal);
        await ScanAsync("transplantation-void-needs-reason");
        await Page.GetByLabel("Reason (kept in the audit trail)").FillAsync("Recorded twice");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Void" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/transplantations/", StringComparison.Ordinal));
        Assert.Contains("voided", await Page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await Page.Locator("td .badge.voided").CountAsync());
        await ScanAsync("course-after-void");
        await Errors.AssertNoneAsync();
    }

    [Fact]
    public async Task A_visit_finding_is_voided_from_the_visit_page()
    {
        var visit = await App.WithDbAsync(db => db.SymptomObservations.AsNoTracking()
            .Where(s => s.VoidedAt == null && db.Visits.Any(v => v.Id == s.VisitId && v.VoidedAt == null))
            .Select(s => new { s.PatientId, s.VisitId }).FirstAsync());
        var (patientId, visitId) = (visit.PatientId, visit.VisitId);
        await SignInAsync();
        await Page.GotoAsync($"/staff/patients/{patientId}/visits/{visitId}");
        await ScanAsync("visit-form-with-findings");

        await Page.Locator("#findings ~ .table-scroll a").First.ClickAsync();
        await Page.WaitForURLAsync(url => url.Contains("/findings/", StringComparison.Ordinal));
        await ScanAsync("visit-finding");
        await Page.GetByLabel("Reason (kept in the audit trail)").FillAsync("Not assessed at this visit");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Void finding" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/findings/", StringComparison.Ordinal));
        Assert.Contains("voided", await Page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await Page.Locator("#findings ~ .table-scroll .badge.voided").CountAsync());
        await ScanAsync("visit-form-after-finding-void");
        await Errors.AssertNoneAsync();
    }
}
