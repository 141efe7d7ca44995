using System.Net;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Patients;

public sealed class CourseFormTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task A_course_and_its_transplantation_are_recorded_and_a_missing_lot_is_refused(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await _app.WithDbAsync(async db => { var p = Arrange.Patient("Coursova"); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var created = await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/courses/new",
            new Dictionary<string, string> { ["Input.Number"] = "1", ["Input.StartDate"] = "2025-02-03", ["Input.EndDate"] = "2025-02-08" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var courseUrl = created.Headers.Location!.OriginalString;

        var noLot = await StaffSession.SubmitFormAsync(client, courseUrl, new Dictionary<string, string>
        { ["Transplantation.Date"] = "2025-02-04", ["Transplantation.SuspensionCount"] = "4", ["Transplantation.VolumeMl"] = "6.5", ["Transplantation.Route"] = "Subcutaneous" },
            "form[action*='handler=Transplantation']");
        Assert.Equal(HttpStatusCode.OK, noLot.StatusCode);
        Assert.Contains("traceable", StaffSession.Parse(await noLot.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Transplantation.CellProductLot']")?.TextContent);

        var added = await StaffSession.SubmitFormAsync(client, courseUrl, new Dictionary<string, string>
        { ["Transplantation.Date"] = "2025-02-04", ["Transplantation.CellProductLot"] = "LOT-77", ["Transplantation.SuspensionCount"] = "4", ["Transplantation.VolumeMl"] = "6.5", ["Transplantation.Route"] = "Subcutaneous" },
            "form[action*='handler=Transplantation']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var course = await _app.WithDbAsync(db => db.TreatmentCourses.Include(c => c.Transplantations).SingleAsync(c => c.PatientId == id));
        Assert.Equal((1, new DateOnly(2025, 2, 3)), (course.Number, course.StartDate));
        var t = Assert.Single(course.Transplantations);
        Assert.Equal(("LOT-77", 4, 6.5m, AdministrationRoute.Subcutaneous, id), (t.CellProductLot, t.SuspensionCount, t.VolumeMl, t.Route, t.PatientId));
    }

    [Theory, EveryDatabase]
    public async Task A_coordinator_cannot_record_a_course(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await _app.WithDbAsync(async db => { var p = Arrange.Patient("Coordova"); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var response = await client.GetAsync($"/staff/patients/{id}/courses/new");
        Assert.Contains("/staff/access-denied", response.Headers.Location?.OriginalString ?? "");
    }
}
