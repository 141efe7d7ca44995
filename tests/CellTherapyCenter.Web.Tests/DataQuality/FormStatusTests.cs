using System.Net;
using System.Text.Json;
using CellTherapyCenter.Clinical.AdverseEvents;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.AdverseEvents;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Assessments;
using CellTherapyCenter.Web.Features.DataQuality;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.DataQuality;

/// <summary>
/// Form status on treatment courses and adverse events (as on visits): automatic by default,
/// "complete" refused while parts are missing, stored and audited, on the chart and the
/// data-quality page; and "Save and next" from the ALSFRS-R to the adverse-event form.
/// </summary>
public sealed class FormStatusTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    private async Task<Guid> PatientAsync(string family) =>
        await _app.WithDbAsync(async db => { var p = Arrange.Patient(family); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });

    private async Task<JsonElement> LastUpdateAsync(string entityType, Guid entityId) =>
        JsonDocument.Parse(await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId.ToString() && a.Action == AuditActions.Update)
            .OrderByDescending(a => a.Id).Select(a => a.Changes!).FirstAsync())).RootElement;

    /// <summary>A status as the audit line holds it (its number), by name.</summary>
    private static string StatusIn(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? ((FormStatus)value.GetInt32()).ToString() : value.GetString() ?? "";

    private static string StatusError(string html) =>
        StaffSession.Parse(html).QuerySelector("[data-valmsg-for='Input.Status']")?.TextContent ?? "";

    [Theory, EveryDatabase]
    public async Task A_course_without_a_transplantation_is_incomplete_cannot_be_complete_and_is_listed(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await PatientAsync("Kursova");
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);

        // A new course on "Automatic": no transplantation yet, so incomplete.
        var saved = await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/courses/new",
            new Dictionary<string, string> { ["Input.Number"] = "1", ["Input.StartDate"] = "2025-03-03", ["Input.Status"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var course = await _app.WithDbAsync(db => db.TreatmentCourses.AsNoTracking().SingleAsync(c => c.PatientId == id));
        Assert.Equal(FormStatus.Incomplete, course.Status);
        var url = $"/staff/patients/{id}/courses/{course.Id}";

        // "Complete" is refused, the missing transplantation named beside the field; nothing changes.
        var refused = await StaffSession.SubmitFormAsync(client, url, new Dictionary<string, string>
        {
            ["Input.ConcurrencyStamp"] = course.ConcurrencyStamp.ToString(), ["Input.Number"] = "1", ["Input.StartDate"] = "2025-03-03",
            ["Input.Notes"] = "Checked", ["Input.Status"] = nameof(FormStatus.Complete),
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("cannot be complete. Missing: a transplantation", StatusError(await refused.Content.ReadAsStringAsync()));
        var unchanged = await _app.WithDbAsync(db => db.TreatmentCourses.AsNoTracking().SingleAsync(c => c.Id == course.Id));
        Assert.Equal((FormStatus.Incomplete, (string?)null), (unchanged.Status, unchanged.Notes));

        // Listed on the data-quality page with a link to the course.
        var listed = StaffSession.Parse(await client.GetStringAsync("/staff/data-quality"));
        Assert.Contains("Treatment course 1 without a transplantation", listed.QuerySelector("div[aria-labelledby='incomplete']")?.TextContent);
        Assert.NotNull(listed.QuerySelector($"div[aria-labelledby='incomplete'] a[href$='/courses/{course.Id}']"));

        // A transplantation recorded: the course is unverified, and no longer listed.
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, url, new Dictionary<string, string>
        {
            ["Transplantation.Date"] = "2025-03-03", ["Transplantation.CellProductLot"] = "FS-1", ["Transplantation.SuspensionCount"] = "4",
            ["Transplantation.VolumeMl"] = "8", ["Transplantation.Route"] = nameof(AdministrationRoute.IntravenousDrip),
        }, "form[action*='handler=Transplantation']")).StatusCode);
        course = await _app.WithDbAsync(db => db.TreatmentCourses.AsNoTracking().SingleAsync(c => c.Id == course.Id));
        Assert.Equal(FormStatus.Unverified, course.Status);
        Assert.DoesNotContain(await _app.WithDbAsync(db => DataQualityRules.IncompleteCoursesAsync(db, CancellationToken.None)), f => f.RecordId == course.Id);

        // Now "complete" is stored, audited, and shown on the chart's timeline.
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, url, new Dictionary<string, string>
        {
            ["Input.ConcurrencyStamp"] = course.ConcurrencyStamp.ToString(), ["Input.Number"] = "1", ["Input.StartDate"] = "2025-03-03",
            ["Input.Status"] = nameof(FormStatus.Complete),
        })).StatusCode);
        Assert.Equal(FormStatus.Complete, await _app.WithDbAsync(db => db.TreatmentCourses.Where(c => c.Id == course.Id).Select(c => c.Status).SingleAsync()));
        var change = (await LastUpdateAsync(nameof(TreatmentCourse), course.Id)).GetProperty("Status");
        Assert.Equal((nameof(FormStatus.Unverified), nameof(FormStatus.Complete)), (StatusIn(change.GetProperty("old")), StatusIn(change.GetProperty("new"))));
        var chart = StaffSession.Parse(await client.GetStringAsync($"/staff/patients/{id}?timeline=all"));
        Assert.Contains(chart.QuerySelectorAll("ol.timeline > li"), e => e.TextContent.Contains("Treatment course 1 begins", StringComparison.Ordinal) && e.QuerySelector(".badge.status-complete") is not null);
    }

    [Theory, EveryDatabase]
    public async Task An_adverse_event_with_an_unknown_outcome_is_incomplete_cannot_be_complete_and_is_listed(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await PatientAsync("Nezeljena");
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var url = $"/staff/patients/{id}/adverse-events/new";
        var fields = new Dictionary<string, string>
        {
            ["Input.Term"] = "Headache", ["Input.OnsetDate"] = "2025-04-01", ["Input.Grade"] = nameof(CtcaeGrade.Mild),
            ["Input.Relatedness"] = nameof(Relatedness.Possible), ["Input.Outcome"] = nameof(AdverseEventOutcome.Unknown), ["Input.Status"] = nameof(FormStatus.Complete),
        };

        // "Complete" with the outcome unknown: refused, the missing part named; nothing stored.
        var refused = await StaffSession.SubmitFormAsync(client, url, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Missing: the outcome (recorded as unknown)", StatusError(await refused.Content.ReadAsStringAsync()));
        // Recovered without the date of recovery is missing a part too.
        fields["Input.Outcome"] = nameof(AdverseEventOutcome.Recovered);
        Assert.Contains("Missing: the date it resolved", StatusError(await (await StaffSession.SubmitFormAsync(client, url, fields)).Content.ReadAsStringAsync()));
        Assert.False(await _app.WithDbAsync(db => db.AdverseEvents.AnyAsync(e => e.PatientId == id)));

        // "Automatic" with the outcome unknown: stored as incomplete and listed with a link.
        fields["Input.Outcome"] = nameof(AdverseEventOutcome.Unknown);
        fields["Input.Status"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, url, fields)).StatusCode);
        var e = await _app.WithDbAsync(db => db.AdverseEvents.AsNoTracking().SingleAsync(x => x.PatientId == id));
        Assert.Equal(FormStatus.Incomplete, e.Status);
        var listed = StaffSession.Parse(await client.GetStringAsync("/staff/data-quality"));
        Assert.NotNull(listed.QuerySelector($"div[aria-labelledby='incomplete'] a[href$='/adverse-events/{e.Id}']"));
        Assert.Contains("badge status-incomplete", await client.GetStringAsync($"/staff/patients/{id}?timeline=all"));

        // The outcome known and "complete" chosen: stored, audited, no longer listed.
        fields["Input.Outcome"] = nameof(AdverseEventOutcome.Recovered);
        fields["Input.ResolvedDate"] = "2025-04-03";
        fields["Input.Status"] = nameof(FormStatus.Complete);
        fields["Input.ConcurrencyStamp"] = e.ConcurrencyStamp.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/adverse-events/{e.Id}", fields)).StatusCode);
        Assert.Equal(FormStatus.Complete, await _app.WithDbAsync(db => db.AdverseEvents.Where(x => x.Id == e.Id).Select(x => x.Status).SingleAsync()));
        var change = (await LastUpdateAsync(nameof(AdverseEvent), e.Id)).GetProperty("Status");
        Assert.Equal((nameof(FormStatus.Incomplete), nameof(FormStatus.Complete)), (StatusIn(change.GetProperty("old")), StatusIn(change.GetProperty("new"))));
        Assert.DoesNotContain(await _app.WithDbAsync(db => DataQualityRules.IncompleteAdverseEventsAsync(db, CancellationToken.None)), f => f.RecordId == e.Id);
    }

    [Theory, EveryDatabase]
    public async Task A_diagnosis_without_its_dates_is_incomplete_cannot_be_complete_and_is_listed(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await PatientAsync("Dijagnoza");
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var url = $"/staff/patients/{id}/diagnosis";
        var fields = new Dictionary<string, string> { ["Input.OnsetSite"] = "Bulbar", ["Input.Status"] = nameof(FormStatus.Complete) };

        var refused = await StaffSession.SubmitFormAsync(client, url, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Missing: the date of symptom onset; the date of diagnosis; the El Escorial category", StatusError(await refused.Content.ReadAsStringAsync()));
        Assert.False(await _app.WithDbAsync(db => db.Diagnoses.AnyAsync(d => d.PatientId == id)));

        fields["Input.Status"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, url, fields)).StatusCode);
        var d = await _app.WithDbAsync(db => db.Diagnoses.AsNoTracking().SingleAsync(x => x.PatientId == id));
        Assert.Equal(FormStatus.Incomplete, d.Status);
        var listed = StaffSession.Parse(await client.GetStringAsync("/staff/data-quality"));
        Assert.NotNull(listed.QuerySelector($"div[aria-labelledby='incomplete'] a[href$='/patients/{id}/diagnosis']"));

        fields["Input.OnsetDate"] = "2024-01-10";
        fields["Input.DiagnosisDate"] = "2024-09-01";
        fields["Input.ElEscorial"] = "Possible";
        fields["Input.Status"] = nameof(FormStatus.Complete);
        fields["Input.ConcurrencyStamp"] = d.ConcurrencyStamp.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, url, fields)).StatusCode);
        var change = (await LastUpdateAsync(nameof(CellTherapyCenter.Data.Diagnoses.Diagnosis), d.Id)).GetProperty("Status");
        Assert.Equal((nameof(FormStatus.Incomplete), nameof(FormStatus.Complete)), (StatusIn(change.GetProperty("old")), StatusIn(change.GetProperty("new"))));
        Assert.DoesNotContain(await _app.WithDbAsync(db => DataQualityRules.IncompleteDiagnosesAsync(db, CancellationToken.None)), f => f.RecordId == d.Id);
    }

    private static Dictionary<string, string> Assessment(string date, params int?[] items)
    {
        var fields = new Dictionary<string, string> { ["Input.AssessedOn"] = date, ["Input.Rater"] = "Clinician", ["Input.Mode"] = "InPerson", [AssessmentInput.CuttingFoodVersionField] = "WithoutGastrostomy5a" };
        foreach (var (item, i) in AlsfrsRItems.All.Select((item, i) => (item, i)))
            fields[AssessmentInput.FieldName(item)] = items[i]?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return fields;
    }

    [Theory, EveryDatabase]
    public async Task Save_and_next_goes_from_the_ALSFRS_R_to_the_adverse_event_form_and_save_and_finish_to_the_chart(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await PatientAsync("Lanceva");
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var url = $"/staff/patients/{id}/assessments/new";
        var blank = StaffSession.Parse(await client.GetStringAsync(url));
        Assert.NotNull(blank.QuerySelector($"button[name=next][value='{AssessmentFormModel.NextAdverseEvent}']"));

        // "Save and next": the adverse-event form for the patient, with the banner of the ALSFRS-R.
        var next = Assessment("2025-05-02", 4, 4, 3, 3, 4, 2, 2, 1, 3, 4, 4, 4);
        next["next"] = AssessmentFormModel.NextAdverseEvent;
        var response = await StaffSession.SubmitFormAsync(client, url, next);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/staff/patients/{id}/adverse-events/new", response.Headers.Location?.OriginalString);
        var form = StaffSession.Parse(await client.GetStringAsync(response.Headers.Location));
        Assert.Equal("Saved: ALSFRS-R of 2025-05-02, total 38/48.", form.QuerySelector("main [role=status]")?.TextContent.Trim());
        Assert.NotNull(form.QuerySelector("input[name='Input.Term']"));

        // An incomplete one asks first; the confirmation keeps the step chosen.
        var incomplete = Assessment("2025-05-03", 4, 4, 3, 3, 4, 2, 2, 1, 3, 4, 4, null);
        incomplete["next"] = AssessmentFormModel.NextAdverseEvent;
        var asked = StaffSession.Parse(await (await StaffSession.SubmitFormAsync(client, url, incomplete)).Content.ReadAsStringAsync());
        var confirm = asked.QuerySelector("button[name=SaveIncomplete]")?.GetAttribute("formaction");
        Assert.Contains("next=" + AssessmentFormModel.NextAdverseEvent, confirm, StringComparison.Ordinal);
        incomplete.Remove("next");
        incomplete["SaveIncomplete"] = "true";
        incomplete["__RequestVerificationToken"] = asked.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var confirmed = await client.PostAsync(System.Net.WebUtility.HtmlDecode(confirm), new FormUrlEncodedContent(incomplete));
        Assert.Equal($"/staff/patients/{id}/adverse-events/new", confirmed.Headers.Location?.OriginalString);

        // "Save and finish": back to the chart, with the banner.
        var finish = await StaffSession.SubmitFormAsync(client, url, Assessment("2025-05-04", 4, 4, 3, 3, 4, 2, 2, 1, 3, 4, 4, 3));
        Assert.Equal($"/staff/patients/{id}", finish.Headers.Location?.OriginalString);
        Assert.Contains("Saved: ALSFRS-R of 2025-05-04", StaffSession.Parse(await client.GetStringAsync(finish.Headers.Location)).QuerySelector("main [role=status]")?.TextContent);
        Assert.Equal(3, await _app.WithDbAsync(db => db.AlsfrsRAssessments.CountAsync(a => a.PatientId == id)));

        // Coordinators do not report adverse events: no such step is offered, and asking for it ends at the chart.
        var coordinator = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        Assert.Null(StaffSession.Parse(await coordinator.GetStringAsync(url)).QuerySelector("button[name=next]"));
        var their = Assessment("2025-05-05", 4, 4, 3, 3, 4, 2, 2, 1, 3, 4, 4, 2);
        their["next"] = AssessmentFormModel.NextAdverseEvent;
        Assert.Equal($"/staff/patients/{id}", (await StaffSession.SubmitFormAsync(coordinator, url, their)).Headers.Location?.OriginalString);
    }
}
