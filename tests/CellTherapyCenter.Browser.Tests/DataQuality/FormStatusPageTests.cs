using CellTherapyCenter.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Browser.Tests.DataQuality;

/// <summary>The course, adverse-event and diagnosis forms' status select, with "complete" refused while parts are missing: axe-clean, with screenshots (also at 360 px).</summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class FormStatusPageTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    private async Task CaptureNarrowAsync(string name)
    {
        await Page.SetViewportSizeAsync(360, 780);
        await Screenshots.TakeAsync(Page, $"{name}-360");
        await Page.SetViewportSizeAsync(Screenshots.Desktop.Width, Screenshots.Desktop.Height);
    }

    [Fact]
    public async Task The_course_and_adverse_event_forms_refuse_complete_with_parts_missing_and_pass_the_accessibility_scan()
    {
        var id = await App.WithDbAsync(db => db.TreatmentCourses.Where(c => c.VoidedAt == null).Select(c => c.PatientId).FirstAsync());
        await SignInAsync(StaffRoles.Physician);

        // A stored course: its status beside the fields.
        var courseId = await App.WithDbAsync(db => db.TreatmentCourses.Where(c => c.PatientId == id && c.VoidedAt == null).Select(c => c.Id).FirstAsync());
        await Page.GotoAsync($"/staff/patients/{id}/courses/{courseId}");
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "course-form");
        await CaptureNarrowAsync("course-form");

        // A new course has no transplantation yet: "complete" is refused, the reason beside the field; nothing stored.
        var courses = await App.WithDbAsync(db => db.TreatmentCourses.CountAsync(c => c.PatientId == id));
        await Page.GotoAsync($"/staff/patients/{id}/courses/new");
        await Page.GetByLabel("Form status").SelectOptionAsync(new SelectOptionValue { Label = "Complete" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save course" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-valmsg-for='Input.Status']")).ToContainTextAsync("Missing: a transplantation");
        Assert.Equal(courses, await App.WithDbAsync(db => db.TreatmentCourses.CountAsync(c => c.PatientId == id)));
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "course-form-complete-refused");
        await CaptureNarrowAsync("course-form-complete-refused");

        // An adverse event with its outcome unknown cannot be complete either.
        var events = await App.WithDbAsync(db => db.AdverseEvents.CountAsync(e => e.PatientId == id));
        await Page.GotoAsync($"/staff/patients/{id}/adverse-events/new");
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Page.GetByLabel("Event", new() { Exact = true }).FillAsync("Headache");
        await Page.GetByLabel("Outcome").SelectOptionAsync(new SelectOptionValue { Label = "Unknown" });
        await Page.GetByLabel("Form status").SelectOptionAsync(new SelectOptionValue { Label = "Complete" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-valmsg-for='Input.Status']")).ToContainTextAsync("Missing: the outcome (recorded as unknown)");
        Assert.Equal(events, await App.WithDbAsync(db => db.AdverseEvents.CountAsync(e => e.PatientId == id)));
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "adverse-event-form-complete-refused");
        await CaptureNarrowAsync("adverse-event-form-complete-refused");

        // The diagnosis form's status select, with its automatic rule.
        await Page.GotoAsync($"/staff/patients/{id}/diagnosis");
        Assert.True(await Page.GetByLabel("Form status").IsVisibleAsync());
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "diagnosis-form");
        await CaptureNarrowAsync("diagnosis-form");
        await Errors.AssertNoneAsync();
    }
}
