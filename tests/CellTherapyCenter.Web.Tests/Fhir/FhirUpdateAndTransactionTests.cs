using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using static CellTherapyCenter.Web.Tests.Fhir.FhirWrites;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>PUT with If-Match and transaction Bundles on both databases: a stale version or one bad entry changes nothing.</summary>
public sealed class FhirUpdateAndTransactionTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private const string Writer = "system/Observation.write system/QuestionnaireResponse.write";
    private static readonly DateOnly Day = new(2026, 4, 2);
    private static readonly AlsfrsRResponses Lower = AlsfrsRResponses.FromScores(2, 4, 2, 3, 1, 2, 3, 0, 1, 4, 3, 2, CuttingFoodVersion.WithoutGastrostomy5a);

    private static string Put(Observation observation, string id)
    {
        observation.Id = id;
        return Json(observation);
    }

    [Theory, EveryDatabase]
    public async Task An_update_with_a_stale_If_Match_is_412_and_changes_nothing_and_a_current_one_is_stored_with_old_and_new_values(DatabaseProvider database)
    {
        var app = apps[database];
        var patientId = await PatientAsync(app);
        var (http, clientId) = await FhirTestClient.SignedInAsync(app, Writer);
        var (_, created, createdBody) = await PostAsync(http, Panel(app, patientId, Day));
        var id = (string)createdBody!["id"]!;
        var firstETag = created.Headers.ETag!.ToString();

        var (current, updated, updatedBody) = await SendAsync(http, HttpMethod.Put, $"/fhir/Observation/{id}", Put(Panel(app, patientId, Day, Lower), id), headers: ("If-Match", firstETag));
        Assert.True(current == HttpStatusCode.OK, Describe(updatedBody));
        Assert.NotEqual(firstETag, updated.Headers.ETag!.ToString());
        var afterUpdate = Assert.Single(await AssessmentsAsync(app, patientId));
        Assert.Equal(27, afterUpdate.Total);

        var (stale, _, staleBody) = await SendAsync(http, HttpMethod.Put, $"/fhir/Observation/{id}", Put(Panel(app, patientId, Day), id), headers: ("If-Match", firstETag));
        var (missing, _, _) = await SendAsync(http, HttpMethod.Put, $"/fhir/Observation/{id}", Put(Panel(app, patientId, Day), id));

        Assert.True(stale == HttpStatusCode.PreconditionFailed, Describe(staleBody));
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing);
        var afterStale = Assert.Single(await AssessmentsAsync(app, patientId));
        Assert.Equal((27, afterUpdate.ConcurrencyStamp), (afterStale.Total, afterStale.ConcurrencyStamp));
        var update = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == id && a.Action == AuditActions.Update));
        Assert.Equal(FhirClientAccess.ClientIdPrefix + clientId, update.UserId);
        var changes = JsonNode.Parse(update.Changes!)!;
        Assert.Equal((28, 27), ((int)changes["Total"]!["old"]!, (int)changes["Total"]!["new"]!));
    }

    [Theory, EveryDatabase]
    public async Task A_client_cannot_update_an_assessment_entered_by_staff(DatabaseProvider database)
    {
        var app = apps[database];
        var patientId = await PatientAsync(app);
        var (http, _) = await FhirTestClient.SignedInAsync(app, Writer);
        var staffEntry = await app.WithDbAsync(async db =>
        {
            var assessment = new AlsfrsRAssessment { PatientId = patientId, AssessedOn = Day, Rater = AssessmentRater.Clinician, Mode = AssessmentMode.InPerson };
            assessment.SetResponses(Scores);
            db.AlsfrsRAssessments.Add(assessment);
            await db.SaveChangesAsync();
            return assessment;
        });

        var (status, _, body) = await SendAsync(http, HttpMethod.Put, $"/fhir/Observation/{staffEntry.Id}", Put(Panel(app, patientId, Day, Lower), staffEntry.Id.ToString()),
            headers: ("If-Match", $"W/\"{staffEntry.ConcurrencyStamp:N}\""));

        Assert.True(status == HttpStatusCode.Forbidden, Describe(body));
        Assert.Equal(28, Assert.Single(await AssessmentsAsync(app, patientId)).Total);
    }

    private static Bundle Transaction(params Resource[] resources) => new()
    {
        Type = Bundle.BundleType.Transaction,
        Entry = resources.Select(r => new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:" + Guid.NewGuid(),
            Resource = r,
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = r.TypeName },
        }).ToList(),
    };

    [Theory, EveryDatabase]
    public async Task A_transaction_with_one_invalid_entry_stores_nothing_and_a_valid_one_stores_every_entry(DatabaseProvider database)
    {
        var app = apps[database];
        var patientId = await PatientAsync(app);
        var (http, _) = await FhirTestClient.SignedInAsync(app, Writer);
        var bad = Panel(app, patientId, Day.AddDays(2));
        bad.Component.Single(c => c.Code.Coding.Any(x => x.Code == "82953-1")).Value = new Integer(40);
        var countBefore = await app.WithDbAsync(db => db.AlsfrsRAssessments.CountAsync());

        var (refused, _, refusedBody) = await SendAsync(http, HttpMethod.Post, "/fhir", Json(Transaction(Panel(app, patientId, Day), bad, SelfReport(app, patientId, Day.AddDays(3)))));

        Assert.True(refused == HttpStatusCode.UnprocessableEntity, Describe(refusedBody));
        Assert.Contains("Bundle.entry[1]", refusedBody!["issue"]![0]!["expression"]![0]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(countBefore, await app.WithDbAsync(db => db.AlsfrsRAssessments.CountAsync()));

        var (stored, _, storedBody) = await SendAsync(http, HttpMethod.Post, "/fhir", Json(Transaction(Panel(app, patientId, Day), Panel(app, patientId, Day.AddDays(2)), SelfReport(app, patientId, Day.AddDays(3)))));

        Assert.True(stored == HttpStatusCode.OK, Describe(storedBody));
        Assert.Equal("transaction-response", (string?)storedBody!["type"]);
        var entries = storedBody["entry"]!.AsArray();
        Assert.All(entries, e => Assert.Equal("201 Created", (string?)e!["response"]!["status"]));
        var records = await AssessmentsAsync(app, patientId);
        Assert.Equal(3, records.Count);
        Assert.Equal(records.Select(r => r.Id.ToString()).Order(), entries.Select(e => ((string)e!["response"]!["location"]!).Split('/')[1]).Order());
        Assert.Equal(countBefore + 3, await app.WithDbAsync(db => db.AlsfrsRAssessments.CountAsync()));

        var batch = Transaction(Panel(app, patientId, Day.AddDays(5)));
        batch.Type = Bundle.BundleType.Batch;
        var (batchStatus, _, _) = await SendAsync(http, HttpMethod.Post, "/fhir", JsonSerializer.Serialize(batch, FhirResults.Json));
        Assert.Equal(HttpStatusCode.BadRequest, batchStatus);
    }
}
