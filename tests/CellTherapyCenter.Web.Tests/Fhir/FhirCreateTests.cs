using System.Net;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Fhir;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using static CellTherapyCenter.Web.Tests.Fhir.FhirWrites;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>
/// POST /fhir/Observation and /fhir/QuestionnaireResponse on both databases: what is stored, what
/// is refused (and then not stored), who the audit trail names, and conditional create raced.
/// </summary>
public sealed class FhirCreateTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private const string Writer = "system/Observation.write system/QuestionnaireResponse.write";
    private static readonly DateOnly Day = new(2026, 3, 14);

    [Theory, EveryDatabase]
    public async Task A_valid_panel_is_stored_rescored_and_attributed_to_the_client(DatabaseProvider database)
    {
        var app = apps[database];
        var patientId = await PatientAsync(app);
        var (http, clientId) = await FhirTestClient.SignedInAsync(app, Writer);

        var (status, response, body) = await PostAsync(http, Panel(app, patientId, Day, identifier: "reading-1"));

        Assert.True(status == HttpStatusCode.Created, Describe(body));
        var stored = Assert.Single(await AssessmentsAsync(app, patientId));
        Assert.Equal((28, Day, true), (stored.Total, stored.AssessedOn, stored.IsComplete));
        Assert.Equal(Scores, stored.Responses);
        var version = stored.ConcurrencyStamp.ToString("N");
        Assert.Equal($"W/\"{version}\"", response.Headers.ETag?.ToString());
        Assert.Equal($"/fhir/Observation/{stored.Id}/_history/{version}", response.Headers.Location?.ToString());
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal((stored.Id.ToString(), version, "reading-1"), ((string?)body!["id"], (string?)body["meta"]!["versionId"], (string?)body["identifier"]![0]!["value"]));

        var submission = await app.WithDbAsync(db => db.Set<FhirSubmission>().SingleAsync(s => s.AssessmentId == stored.Id));
        Assert.Equal((clientId, "Observation"), (submission.ClientId, submission.ResourceType));
        var created = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == stored.Id.ToString() && a.Action == AuditActions.Create));
        Assert.Equal(FhirClientAccess.ClientIdPrefix + clientId, created.UserId);
    }

    [Theory, EveryDatabase]
    public async Task A_total_that_does_not_match_the_items_is_refused_audited_and_nothing_is_stored(DatabaseProvider database)
    {
        var app = apps[database];
        var patientId = await PatientAsync(app);
        var (http, clientId) = await FhirTestClient.SignedInAsync(app, Writer);
        var panel = Panel(app, patientId, Day);
        panel.Component.Single(c => c.Code.Coding.Any(x => x.Code == "82953-1")).Value = new Integer(30);

        var (status, _, body) = await PostAsync(http, panel);

        Assert.True(status == HttpStatusCode.UnprocessableEntity, Describe(body));
        Assert.Contains("total-mismatch", IssueCodes(body));
        Assert.Empty(await AssessmentsAsync(app, patientId));
        var refusal = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == FhirAuditActions.Refused && a.UserId == FhirClientAccess.ClientIdPrefix + clientId));
        Assert.Contains("total-mismatch", refusal.Detail, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task A_client_without_a_write_scope_or_role_an_unknown_patient_and_another_observation_code_are_refused(DatabaseProvider database)
    {
        var app = apps[database];
        var patientId = await PatientAsync(app);
        var (reader, _) = await FhirTestClient.SignedInAsync(app, "system/*.read");
        var (writer, _) = await FhirTestClient.SignedInAsync(app, Writer);

        var (researcher, _) = await FhirTestClient.SignedInAsync(app, Writer, StaffRoles.Researcher);

        var (forbidden, _, _) = await PostAsync(reader, Panel(app, patientId, Day));
        var (researcherStatus, _, _) = await PostAsync(researcher, Panel(app, patientId, Day));
        var (unknown, _, unknownBody) = await PostAsync(writer, Panel(app, Guid.CreateVersion7(), Day));
        var weight = new Observation
        {
            Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "29463-7"),
            Subject = new ResourceReference($"Patient/{patientId}"), Effective = new FhirDateTime("2026-03-14"),
        };
        var (otherCode, _, otherBody) = await PostAsync(writer, weight);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (forbidden, researcherStatus));
        Assert.True(unknown == HttpStatusCode.UnprocessableEntity, Describe(unknownBody));
        Assert.True(otherCode == HttpStatusCode.UnprocessableEntity, Describe(otherBody));
        Assert.Contains("82954-9", (string?)otherBody!["issue"]![0]!["diagnostics"], StringComparison.Ordinal);
        Assert.Empty(await AssessmentsAsync(app, patientId));
    }

    [Theory, EveryDatabase]
    public async Task Malformed_mistyped_oversized_and_non_json_bodies_are_refused(DatabaseProvider database)
    {
        var app = apps[database];
        var (http, _) = await FhirTestClient.SignedInAsync(app, Writer);

        var malformed = await SendAsync(http, HttpMethod.Post, "/fhir/Observation", "{\"resourceType\":\"Observation\",");
        var wrongType = await SendAsync(http, HttpMethod.Post, "/fhir/Observation", "{\"resourceType\":\"Patient\"}");
        var notJson = await SendAsync(http, HttpMethod.Post, "/fhir/Observation", "<Observation/>", "application/xml");
        var tooLarge = await SendAsync(http, HttpMethod.Post, "/fhir/Observation", "{\"resourceType\":\"Observation\",\"id\":\"" + new string('a', 1100 * 1024) + "\"}");

        Assert.Equal((HttpStatusCode.BadRequest, "OperationOutcome"), (malformed.Status, (string?)malformed.Body!["resourceType"]));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.Status);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);
    }

    [Theory, EveryDatabase]
    public async Task A_questionnaire_response_is_stored_as_a_self_report(DatabaseProvider database)
    {
        var app = apps[database];
        var patientId = await PatientAsync(app);
        var (http, _) = await FhirTestClient.SignedInAsync(app, Writer);

        var (status, response, body) = await PostAsync(http, SelfReport(app, patientId, Day));

        Assert.True(status == HttpStatusCode.Created, Describe(body));
        var stored = Assert.Single(await AssessmentsAsync(app, patientId));
        Assert.Equal((AssessmentRater.Patient, AssessmentMode.SelfAdministeredOnline, 28), (stored.Rater, stored.Mode, stored.Total));
        Assert.Equal("QuestionnaireResponse", (string?)body!["resourceType"]);
        Assert.StartsWith($"/fhir/QuestionnaireResponse/{stored.Id}/_history/", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task A_conditional_create_raced_from_eight_tasks_leaves_one_record_and_every_answer_names_it(DatabaseProvider database)
    {
        var app = apps[database];
        var patientId = await PatientAsync(app);
        var (http, _) = await FhirTestClient.SignedInAsync(app, Writer);
        var body = Json(Panel(app, patientId, Day, identifier: "raced-" + Guid.NewGuid().ToString("N")));
        var condition = $"identifier=urn:test:home-app|{(string)System.Text.Json.Nodes.JsonNode.Parse(body)!["identifier"]![0]!["value"]!}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            SendAsync(http, HttpMethod.Post, "/fhir/Observation", body, headers: ("If-None-Exist", condition))));

        var stored = Assert.Single(await AssessmentsAsync(app, patientId));
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Created or HttpStatusCode.OK, Describe(a.Body)));
        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.Equal(stored.Id.ToString(), (string?)a.Body!["id"]));

        // The other condition: patient and day. The record above is that day's, so nothing new is made.
        var (again, _, againBody) = await PostAsync(http, Panel(app, patientId, Day), ("If-None-Exist", $"patient=Patient/{patientId}&date=2026-03-14&code=82954-9"));
        Assert.Equal((HttpStatusCode.OK, stored.Id.ToString()), (again, (string?)againBody!["id"]));
        var (unknownParameter, _, _) = await PostAsync(http, Panel(app, patientId, Day), ("If-None-Exist", "status=final"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownParameter);
        Assert.Single(await AssessmentsAsync(app, patientId));
    }
}
