using System.Net;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.FollowUp;

/// <summary>The schedule generated through the course form, and the staff worklist on the real clock.</summary>
public sealed class FollowUpScheduleTests(RegistryApps apps) : FollowUpTests(apps)
{
    private static DateOnly ClinicToday => FollowUpSchedule.ClinicToday(TimeProvider.System, new FollowUpOptions());

    private async Task<(Guid Patient, Guid Course)> CourseThroughTheFormAsync(DateOnly start, DateOnly? visitOn = null)
    {
        var patient = await App.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Schedule");
            db.Patients.Add(p);
            if (visitOn is { } on) db.Visits.Add(new Visit { PatientId = p.Id, Date = on, Kind = VisitKind.Baseline });
            await db.SaveChangesAsync();
            return p.Id;
        });
        var physician = await App.SignedInClientAsync(StaffRoles.Physician);
        var response = await StaffSession.SubmitFormAsync(physician, $"/staff/patients/{patient}/courses/new", new Dictionary<string, string>
        {
            ["Input.Number"] = "1", ["Input.StartDate"] = start.ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var course = Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        return (patient, course);
    }

    [Theory, EveryDatabase]
    public async Task Saving_a_course_generates_its_schedule_with_the_visits_already_made_completed(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var start = ClinicToday.AddDays(-100);
        var (patient, course) = await CourseThroughTheFormAsync(start, visitOn: start.AddDays(-10));

        var items = await App.WithDbAsync(db => db.FollowUpItems.AsNoTracking().Where(i => i.TreatmentCourseId == course).ToListAsync());
        Assert.Equal(9 + 24, items.Count);
        Assert.All(items, i => Assert.Equal(patient, i.PatientId));
        var expected = FollowUpPlan.For(start, new FollowUpOptions());
        Assert.Equal(expected.Select(p => (p.Kind, p.Slot, p.Target, p.WindowStart, p.WindowEnd)).Order(),
            items.Select(i => (i.Kind, i.Slot, i.TargetDate, i.WindowStart, i.WindowEnd)).Order());
        var baseline = Assert.Single(items, i => i.Slot == 0);
        Assert.Equal((FollowUpStatus.Completed, start.AddDays(-10)), (baseline.Status, baseline.CompletedOn));
        Assert.All(items.Where(i => i.Slot != 0), i => Assert.Equal(FollowUpStatus.Open, i.Status));
        // Generated in the course's save: audited as creations by the physician.
        Assert.Equal(33, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(FollowUpItem) && a.Action == AuditActions.Create && a.PatientId == patient)));
    }

    [Theory, EveryDatabase]
    public async Task Moving_the_start_date_regenerates_open_future_items_and_keeps_the_history(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var start = ClinicToday.AddDays(-100);
        var (patient, course) = await CourseThroughTheFormAsync(start, visitOn: start.AddDays(-10));
        var physician = await App.SignedInClientAsync(StaffRoles.Physician);
        var stamp = await App.WithDbAsync(db => db.TreatmentCourses.Where(c => c.Id == course).Select(c => c.ConcurrencyStamp).SingleAsync());
        var moved = start.AddDays(7);
        var response = await StaffSession.SubmitFormAsync(physician, $"/staff/patients/{patient}/courses/{course}", new Dictionary<string, string>
        {
            ["Input.Number"] = "1", ["Input.StartDate"] = moved.ToString("yyyy-MM-dd"), ["Input.ConcurrencyStamp"] = stamp.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var all = await App.WithDbAsync(db => db.FollowUpItems.AsNoTracking().Where(i => i.TreatmentCourseId == course).ToListAsync());
        var live = all.Where(i => i.VoidedAt == null).ToList();
        Assert.Equal(33, live.Count);
        var today = ClinicToday;
        // The completed baseline and the open items whose window had closed stay as they were.
        Assert.Equal(start, live.Single(i => i.Slot == 0 && i.Kind == FollowUpKind.Visit).TargetDate);
        Assert.Equal(start.AddMonths(1), live.Single(i => i.Slot == 1 && i.Kind == FollowUpKind.SelfReport).TargetDate);
        // Every item whose window had not closed follows the new start; the old one is voided with the reason.
        var regenerated = live.Where(i => i.WindowEnd >= today).ToList();
        Assert.NotEmpty(regenerated);
        Assert.All(regenerated, i => Assert.Equal(moved.AddMonths(i.Slot), i.TargetDate));
        var voided = all.Where(i => i.VoidedAt != null).ToList();
        Assert.Equal(regenerated.Count, voided.Count);
        Assert.All(voided, i => Assert.StartsWith("Course start changed", i.VoidReason));
    }

    [Theory, EveryDatabase]
    public async Task The_worklist_shows_due_items_to_registry_staff_only_and_reschedule_and_missed_are_audited(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var start = ClinicToday.AddDays(-100);
        var (patient, _) = await CourseThroughTheFormAsync(start);
        var coordinator = await App.SignedInClientAsync(StaffRoles.Coordinator);
        var researcher = await App.SignedInClientAsync(StaffRoles.Researcher);

        Assert.Equal(HttpStatusCode.Redirect, (await researcher.GetAsync("/staff/follow-up")).StatusCode);
        var page = StaffSession.Parse(await coordinator.GetStringAsync("/staff/follow-up?view=Overdue&kind=Visit&overdueDays=365"));
        var row = Assert.Single(page.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Baseline") && r.TextContent.Contains("Schedule, Vera"));
        Assert.Contains("Overdue", row.TextContent);
        Assert.NotNull(page.QuerySelector("label[for=view]"));
        Assert.NotNull(page.QuerySelector("table caption"));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.List && a.EntityType == nameof(FollowUpItem) && a.Detail!.Contains(patient.ToString()))));

        var baseline = await App.WithDbAsync(db => db.FollowUpItems.SingleAsync(i => i.PatientId == patient && i.Slot == 0 && i.Kind == FollowUpKind.Visit));
        var url = $"/staff/follow-up/items/{baseline.Id}";
        var noReason = await StaffSession.SubmitFormAsync(coordinator, url, new Dictionary<string, string>
        {
            ["NewTargetDate"] = ClinicToday.AddDays(3).ToString("yyyy-MM-dd"), ["ConcurrencyStamp"] = baseline.ConcurrencyStamp.ToString(),
        }, "form[action*=Reschedule]");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Give the reason for moving it", await noReason.Content.ReadAsStringAsync());

        var rescheduled = await StaffSession.SubmitFormAsync(coordinator, url, new Dictionary<string, string>
        {
            ["NewTargetDate"] = ClinicToday.AddDays(3).ToString("yyyy-MM-dd"), ["Reason"] = "Patient in hospital until next week",
            ["ConcurrencyStamp"] = baseline.ConcurrencyStamp.ToString(),
        }, "form[action*=Reschedule]");
        Assert.Equal(HttpStatusCode.Redirect, rescheduled.StatusCode);
        var item = await App.WithDbAsync(db => db.FollowUpItems.AsNoTracking().SingleAsync(i => i.Id == baseline.Id));
        Assert.Equal((ClinicToday.AddDays(3), start, "Patient in hospital until next week"), (item.TargetDate, item.OriginalTargetDate, item.RescheduleReason));
        // The window keeps its width around the new target.
        Assert.Equal((item.TargetDate.AddDays(baseline.WindowStart.DayNumber - baseline.TargetDate.DayNumber), item.TargetDate.AddDays(baseline.WindowEnd.DayNumber - baseline.TargetDate.DayNumber)),
            (item.WindowStart, item.WindowEnd));
        var update = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(FollowUpItem) && a.EntityId == baseline.Id.ToString() && a.Action == AuditActions.Update).ToListAsync());
        Assert.Contains(update, a => a.UserName == "coordinator@test.local" && a.Changes!.Contains("RescheduleReason"));

        var stale = await StaffSession.SubmitFormAsync(coordinator, url, new Dictionary<string, string>
        {
            ["MissedReason"] = "Did not come", ["ConcurrencyStamp"] = baseline.ConcurrencyStamp.ToString(),
        }, "form[action*=Missed]");
        Assert.Contains("Someone else saved this record", await stale.Content.ReadAsStringAsync());
        var missed = await StaffSession.SubmitFormAsync(coordinator, url, new Dictionary<string, string>
        {
            ["MissedReason"] = "Did not come; no answer by phone", ["ConcurrencyStamp"] = item.ConcurrencyStamp.ToString(),
        }, "form[action*=Missed]");
        Assert.Equal(HttpStatusCode.Redirect, missed.StatusCode);
        item = await App.WithDbAsync(db => db.FollowUpItems.AsNoTracking().SingleAsync(i => i.Id == baseline.Id));
        Assert.Equal((FollowUpStatus.Missed, "Did not come; no answer by phone"), (item.Status, item.MissedReason));
    }

    [Theory, EveryDatabase]
    public async Task A_physician_recommends_a_repeat_course_and_the_worklist_shows_it_due(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var (patient, _) = await CourseThroughTheFormAsync(ClinicToday.AddDays(-200));
        var coordinator = await App.SignedInClientAsync(StaffRoles.Coordinator);
        var physician = await App.SignedInClientAsync(StaffRoles.Physician);
        var url = $"/staff/patients/{patient}/follow-up";

        var coordinatorPage = StaffSession.Parse(await coordinator.GetStringAsync(url));
        Assert.Null(coordinatorPage.QuerySelector("form[action*=RepeatCourse]"));
        var token = await StaffSession.AntiforgeryTokenAsync(coordinator, url);
        var refused = await coordinator.PostAsync(url + "?handler=RepeatCourse", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["RepeatCourseTargetDate"] = ClinicToday.AddDays(30).ToString("yyyy-MM-dd"),
        }));
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("access-denied") == true);

        var saved = await StaffSession.SubmitFormAsync(physician, url, new Dictionary<string, string>
        {
            ["RepeatCourseTargetDate"] = ClinicToday.AddDays(30).ToString("yyyy-MM-dd"), ["RepeatCourseNote"] = "Stable; discuss second course",
            ["ConcurrencyStamp"] = Guid.Empty.ToString(),
        }, "form[action*=RepeatCourse]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var worklist = StaffSession.Parse(await coordinator.GetStringAsync("/staff/follow-up"));
        Assert.Contains(worklist.QuerySelectorAll("#repeat ~ div tbody tr"), r => r.TextContent.Contains("Stable; discuss second course")
            && r.TextContent.Contains(ClinicToday.AddDays(30).ToString("yyyy-MM-dd")));
    }
}
