using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Browser.Tests.Visits;

/// <summary>
/// A decimal comma typed into a real form in Chromium reaches the registry as the number meant:
/// with <c>type="number"</c> Chromium sent "2,5" as an empty value, and the server read "71,5" as 715.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NumberInputBrowserTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    [Fact]
    public async Task A_decimal_comma_typed_in_the_visit_form_is_stored_and_an_ambiguous_number_is_refused_beside_its_field()
    {
        var id = await App.WithDbAsync(async db => { var p = Arrange.Patient("Zarezova"); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });
        await SignInAsync(StaffRoles.Coordinator);
        await Page.GotoAsync($"/staff/patients/{id}/visits/new");
        var fvc = Page.GetByLabel("FVC, % of predicted");
        var weight = Page.GetByLabel("Weight, kg");

        // First an ambiguous weight: refused beside the field, what was typed kept, nothing stored.
        await fvc.PressSequentiallyAsync("71,5");
        await weight.PressSequentiallyAsync("1.234");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-valmsg-for='Input.WeightKg']")).ToContainTextAsync("thousands");
        await Assertions.Expect(weight).ToHaveValueAsync("1.234");
        await Assertions.Expect(fvc).ToHaveValueAsync("71,5");
        Assert.False(await App.WithDbAsync(db => db.Visits.AnyAsync(v => v.PatientId == id)));
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "staff-visit-number-refused");

        await weight.FillAsync("");
        await weight.PressSequentiallyAsync("78,4");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/patients/{id}");

        var visit = await App.WithDbAsync(db => db.Visits.AsNoTracking().SingleAsync(v => v.PatientId == id));
        Assert.Equal((71.5, 78.4), (visit.FvcPercentPredicted, visit.WeightKg));
        await Errors.AssertNoneAsync();
    }

    [Fact]
    public async Task Every_form_with_number_fields_passes_the_accessibility_scan_with_text_fields_for_numbers()
    {
        var (patientId, courseId) = await App.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Formova");
            db.Patients.Add(p);
            var course = new TreatmentCourse { PatientId = p.Id, Number = 1, StartDate = new DateOnly(2025, 2, 3) };
            db.TreatmentCourses.Add(course);
            await db.SaveChangesAsync();
            return (p.Id, course.Id);
        });
        await SignInAsync();
        foreach (var (url, name) in new[]
        {
            ($"/staff/patients/{patientId}/courses/{courseId}", "staff-course-form"),
            ($"/staff/patients/{patientId}/courses/new", "staff-course-new"),
            ("/staff/site/cases/new", "staff-site-case-new"),
            ("/staff/site/patents/new", "staff-site-patent-new"),
            ("/staff/site/publications/new", "staff-site-publication-new"),
            ("/staff/follow-up", "staff-follow-up"),
            ("/staff/inquiries", "staff-inquiries"),
        })
        {
            await Page.GotoAsync(url);
            Assert.Equal(0, await Page.Locator("input[type=number]").CountAsync());
            await AxeAssert.NoSeriousViolationsAsync(Page);
            await Screenshots.CaptureAsync(Page, name);
        }
        await Errors.AssertNoneAsync();
    }

    [Fact]
    public async Task The_portal_trajectory_shows_dates_as_each_language_writes_them()
    {
        var (patientId, _, email) = await PortalTestKit.PatientWithAccountAsync(App);
        await App.WithDbAsync(async db =>
        {
            db.AlsfrsRAssessments.Add(Arrange.Assessment(patientId, new DateOnly(2025, 3, 4), AlsfrsRResponses.FromScores(4, 4, 4, 3, 3, 3, 3, 4, 4, 4, 4, 4)));
            db.AlsfrsRAssessments.Add(Arrange.Assessment(patientId, new DateOnly(2025, 9, 2), AlsfrsRResponses.FromScores(4, 4, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4)));
            return await db.SaveChangesAsync();
        });
        await Page.GotoAsync("/portal/sign-in");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(RegistryAppFactory.TestPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");
        foreach (var (culture, date) in new[] { ("en", "4 Mar 2025"), ("uk", "04.03.2025"), ("sr-Latn", "4.3.2025.") })
        {
            await Page.GotoAsync($"/portal/trajectory?culture={culture}");
            await Assertions.Expect(Page.Locator("main table")).ToContainTextAsync(date);
            await AxeAssert.NoSeriousViolationsAsync(Page);
            await Screenshots.CaptureAsync(Page, $"portal-trajectory-dates-{culture}");
        }
        await Errors.AssertNoneAsync();
    }
}
