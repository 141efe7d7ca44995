using System.Net;
using System.Text.Json;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Assessments;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Assessments;

public sealed class AssessmentFormTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    private static Dictionary<string, string> Fields(string date, params int?[] items)
    {
        var fields = new Dictionary<string, string> { ["Input.AssessedOn"] = date, ["Input.Rater"] = "Clinician", ["Input.Mode"] = "InPerson", [AssessmentInput.CuttingFoodVersionField] = "WithoutGastrostomy5a" };
        foreach (var (item, i) in AlsfrsRItems.All.Select((item, i) => (item, i)))
            fields[AssessmentInput.FieldName(item)] = items[i]?.ToString() ?? "";
        return fields;
    }

    private async Task<Guid> NewPatientAsync() => await _app.WithDbAsync(async db =>
    {
        var p = Arrange.Patient("Formova");
        db.Patients.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    });

    [Theory, EveryDatabase]
    public async Task A_recorded_assessment_is_scored_and_staged_by_the_clinical_library_and_updates_the_list_summary(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await NewPatientAsync();
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        int?[] items = [3, 4, 4, 2, 3, 3, 3, 2, 1, 4, 4, 4];
        var response = await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/assessments/new", Fields("2025-05-02", items));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = await _app.WithDbAsync(db => db.AlsfrsRAssessments.SingleAsync(a => a.PatientId == id));
        var expected = AlsfrsRResponses.FromScores(3, 4, 4, 2, 3, 3, 3, 2, 1, 4, 4, 4);
        Assert.Equal(AlsfrsRScore.Of(expected).Total, stored.Total);
        Assert.Equal(37, stored.Total);
        Assert.Equal((11, 8, 6, 12), (stored.Bulbar!.Value, stored.FineMotor!.Value, stored.GrossMotor!.Value, stored.Respiratory!.Value));
        Assert.Equal(KingsStageValue.Stage3, stored.KingsStage); // bulbar, upper and lower limb involved
        Assert.Equal(MitosStage.Estimate(expected)!.Stage, stored.MitosStage);
        var patient = await _app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == id));
        Assert.Equal(KingsStageValue.Stage3, patient.CurrentKingsStage);
        Assert.Equal(37, patient.LatestAlsfrsRTotal);
    }

    [Theory, EveryDatabase]
    public async Task The_answers_are_audited_under_their_item_names_in_the_order_of_every_other_column(DatabaseProvider database)
    {
        // The answers are one complex type (AlsfrsRResponses); the audit must still list each
        // answer as its own column, and a correction must show its old and new value.
        _app = apps[database];
        var id = await NewPatientAsync();
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect,
            (await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/assessments/new", Fields("2025-05-02", 3, 4, 4, 2, 3, 3, 3, 2, 1, 4, 4, 4))).StatusCode);
        var assessmentId = await _app.WithDbAsync(db => db.AlsfrsRAssessments.Where(a => a.PatientId == id).Select(a => a.Id).SingleAsync());
        var url = $"/staff/patients/{id}/assessments/{assessmentId}";
        var correction = Fields("2025-05-02", 3, 4, 4, 2, 3, 3, 3, 0, 1, 4, 4, 4);
        correction["Input.ConcurrencyStamp"] = (await _app.WithDbAsync(db => db.AlsfrsRAssessments.Where(a => a.Id == assessmentId).Select(a => a.ConcurrencyStamp).SingleAsync())).ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, url, correction)).StatusCode);

        var lines = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == assessmentId.ToString()).ToListAsync());
        var created = JsonDocument.Parse(lines.Single(l => l.Action == AuditActions.Create).Changes!).RootElement;
        var names = created.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal("Id", names[0]);
        Assert.Equal(names.Skip(1).Order(StringComparer.Ordinal), names.Skip(1));
        foreach (var item in AlsfrsRItems.All) Assert.Contains(item.ToString(), names);
        Assert.Equal(2, created.GetProperty("Walking").GetInt32());
        Assert.Equal("WithoutGastrostomy5a", created.GetProperty("CuttingFoodVersion").GetString());

        var walking = JsonDocument.Parse(lines.Single(l => l.Action == AuditActions.Update).Changes!).RootElement.GetProperty("Walking");
        Assert.Equal((2, 0), (walking.GetProperty("old").GetInt32(), walking.GetProperty("new").GetInt32()));
    }

    [Theory, EveryDatabase]
    public async Task An_unanswered_item_stores_an_incomplete_assessment_without_a_total(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await NewPatientAsync();
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var fields = Fields("2025-05-02", 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, null, 4);
        fields["SaveIncomplete"] = "true";
        await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/assessments/new", fields);
        var stored = await _app.WithDbAsync(db => db.AlsfrsRAssessments.SingleAsync(a => a.PatientId == id));
        Assert.False(stored.IsComplete);
        Assert.Null(stored.Total);
        Assert.Null(stored.Respiratory);
        Assert.Equal(12, stored.Bulbar);
    }

    [Theory, EveryDatabase]
    public async Task An_out_of_range_item_is_refused_next_to_the_item_and_nothing_is_stored(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await NewPatientAsync();
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var response = await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/assessments/new", Fields("2025-05-02", 4, 4, 4, 4, 4, 4, 4, 7, 4, 4, 4, 4));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = StaffSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Choose an answer from 0 to 4", html.QuerySelector("#item-8 .field-validation-error")?.TextContent);
        Assert.Equal("2025-05-02", html.QuerySelector("input[name='Input.AssessedOn']")?.GetAttribute("value"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.AlsfrsRAssessments.CountAsync(a => a.PatientId == id)));
    }

    [Theory, EveryDatabase]
    public async Task A_concurrent_edit_is_refused_with_a_clear_message_and_the_first_save_is_kept(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await NewPatientAsync();
        var assessmentId = await _app.WithDbAsync(async db =>
        {
            var a = Arrange.Assessment(id, new DateOnly(2025, 3, 1), AlsfrsRResponses.AllNormal);
            db.AlsfrsRAssessments.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var url = $"/staff/patients/{id}/assessments/{assessmentId}";
        var first = await _app.SignedInClientAsync(StaffRoles.Physician);
        var second = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var firstToken = await StaffSession.AntiforgeryTokenAsync(first, url);
        var secondPage = StaffSession.Parse(await second.GetStringAsync(url));
        var staleStamp = secondPage.QuerySelector("input[name='Input.ConcurrencyStamp']")!.GetAttribute("value")!;
        var secondToken = secondPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var firstFields = Fields("2025-03-01", 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4);
        firstFields["Input.ConcurrencyStamp"] = staleStamp;
        firstFields["__RequestVerificationToken"] = firstToken;
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync(url, new FormUrlEncodedContent(firstFields))).StatusCode);

        var secondFields = Fields("2025-03-01", 4, 4, 4, 4, 4, 4, 4, 1, 4, 4, 4, 4);
        secondFields["Input.ConcurrencyStamp"] = staleStamp;
        secondFields["__RequestVerificationToken"] = secondToken;
        var refused = await second.PostAsync(url, new FormUrlEncodedContent(secondFields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Someone else saved this record", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        var stored = await _app.WithDbAsync(db => db.AlsfrsRAssessments.SingleAsync(a => a.Id == assessmentId));
        Assert.Equal(3, stored.Responses.Speech);
        Assert.Equal(4, stored.Responses.Walking);
        Assert.Equal(47, stored.Total);
    }

    [Theory, EveryDatabase]
    public async Task Voiding_needs_a_reason_keeps_the_row_and_is_audited_with_old_and_new_values(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await NewPatientAsync();
        var assessmentId = await _app.WithDbAsync(async db =>
        {
            var a = Arrange.Assessment(id, new DateOnly(2025, 3, 1), AlsfrsRResponses.AllNormal);
            db.AlsfrsRAssessments.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var url = $"/staff/patients/{id}/assessments/{assessmentId}";
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);

        var noReason = await StaffSession.SubmitFormAsync(client, url, new Dictionary<string, string> { ["VoidReason"] = " " }, "form[action*='handler=Void']");
        Assert.Contains(FormConventions.VoidReasonRequired, System.Net.WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()));
        Assert.Null(await _app.WithDbAsync(db => db.AlsfrsRAssessments.Where(a => a.Id == assessmentId).Select(a => a.VoidedAt).SingleAsync()));

        var stamp = await _app.WithDbAsync(db => db.AlsfrsRAssessments.Where(a => a.Id == assessmentId).Select(a => a.ConcurrencyStamp).SingleAsync());
        var voided = await StaffSession.SubmitFormAsync(client, url,
            new Dictionary<string, string> { ["VoidReason"] = "Entered for the wrong patient", ["Input.ConcurrencyStamp"] = stamp.ToString() }, "form[action*='handler=Void']");
        Assert.Equal(HttpStatusCode.Redirect, voided.StatusCode);

        var row = await _app.WithDbAsync(db => db.AlsfrsRAssessments.SingleAsync(a => a.Id == assessmentId));
        Assert.NotNull(row.VoidedAt);
        Assert.Equal("Entered for the wrong patient", row.VoidReason);
        var line = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == assessmentId.ToString() && a.Action == AuditActions.Void));
        var change = JsonDocument.Parse(line.Changes!).RootElement.GetProperty("VoidReason");
        Assert.Equal(JsonValueKind.Null, change.GetProperty("old").ValueKind);
        Assert.Equal("Entered for the wrong patient", change.GetProperty("new").GetString());
        Assert.Equal("physician@test.local", line.UserName);
    }
}
