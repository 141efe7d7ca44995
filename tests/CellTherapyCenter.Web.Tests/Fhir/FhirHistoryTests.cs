using System.Net;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using static CellTherapyCenter.Web.Tests.Fhir.FhirSearchFixture;
using FhirPatient = Hl7.Fhir.Model.Patient;
using Patient = CellTherapyCenter.Data.Patients.Patient;
using Task = System.Threading.Tasks.Task;

// Firely's model marks every element nullable; a null where a test reads one fails the test as clearly as an assertion.
#pragma warning disable CS8600, CS8602, CS8604

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>Each save that changes a record keeps the version it replaced: vread gives it back as it was, _history lists them newest first.</summary>
public sealed class FhirHistoryTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private static readonly AlsfrsRResponses Answers = new()
    {
        Speech = 4, Salivation = 4, Swallowing = 4, Handwriting = 3, CuttingFood = 3, DressingHygiene = 3, TurningInBed = 3,
        Walking = 3, ClimbingStairs = 2, Dyspnea = 4, Orthopnea = 4, RespiratoryInsufficiency = 4,
    };

    [Theory, EveryDatabase]
    public async Task A_vread_of_an_old_version_after_a_change_gives_the_old_values(DatabaseProvider database)
    {
        var app = apps[database];
        var (http, _) = await FhirTestClient.SignedInAsync(app);
        var (patientId, visitId, assessmentId) = await app.WithDbAsync(async db =>
        {
            var patient = new Patient
            {
                FamilyName = "Versions", GivenName = "Vera", Pseudonym = "CTC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
                DateOfBirth = new DateOnly(1958, 3, 9), Phone = "+381600000001",
            };
            db.Patients.Add(patient);
            var visit = new Visit { PatientId = patient.Id, Date = new DateOnly(2026, 2, 3), WeightKg = 70 };
            db.Visits.Add(visit);
            var assessment = new AlsfrsRAssessment { PatientId = patient.Id, AssessedOn = new DateOnly(2026, 2, 3), Rater = AssessmentRater.Clinician, Mode = AssessmentMode.InPerson };
            assessment.SetResponses(Answers);
            db.AlsfrsRAssessments.Add(assessment);
            await db.SaveChangesAsync();
            return (patient.Id, visit.Id, assessment.Id);
        });
        var weight = $"/fhir/Observation/{visitId}-weight";
        var first = (Observation)(await BundleAsync(http, $"/fhir/Observation?_id={visitId}-weight")).Entry[0].Resource;
        var firstPanel = (Observation)(await BundleAsync(http, $"/fhir/Observation?_id={assessmentId}")).Entry[0].Resource;
        var firstPatient = (FhirPatient)(await BundleAsync(http, $"/fhir/Patient?_id={patientId}")).Entry[0].Resource;

        await app.WithDbAsync(async db =>
        {
            (await db.Visits.SingleAsync(v => v.Id == visitId)).WeightKg = 72.5;
            (await db.AlsfrsRAssessments.SingleAsync(a => a.Id == assessmentId)).SetResponses(Answers with { Speech = 2 });
            (await db.Patients.SingleAsync(p => p.Id == patientId)).Phone = "+381600000002";
            return await db.SaveChangesAsync();
        });

        var current = (Observation)(await BundleAsync(http, $"/fhir/Observation?_id={visitId}-weight")).Entry[0].Resource;
        Assert.Equal(72.5m, ((Quantity)current.Value).Value);
        Assert.NotEqual(first.Meta.VersionId, current.Meta.VersionId);

        var (status, _, old) = await GetAsync(http, $"{weight}/_history/{first.Meta.VersionId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((70m, first.Meta.VersionId), ((decimal)old["valueQuantity"]!["value"]!, (string?)old["meta"]!["versionId"]));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, $"{weight}/_history/{current.Meta.VersionId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(http, $"{weight}/_history/{Guid.NewGuid():N}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(http, $"{weight}/_history/not-a-version")).Status);

        var history = await BundleAsync(http, $"{weight}/_history");
        Assert.Equal(Bundle.BundleType.History, history.Type);
        Assert.Equal([current.Meta.VersionId, first.Meta.VersionId], history.Entry.Select(e => e.Resource.Meta.VersionId));
        Assert.Equal([Bundle.HTTPVerb.PUT, Bundle.HTTPVerb.POST], history.Entry.Select(e => e.Request.Method!.Value));
        var errors = history.Entry.SelectMany(e => SharedFhirValidator.Check(e.Resource).Errors).Concat(SharedFhirValidator.Check(history).Errors).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

        // The assessment's answers (a complex type) and the patient's contact come back as they were.
        var (_, _, oldPanel) = await GetAsync(http, $"/fhir/Observation/{assessmentId}/_history/{firstPanel.Meta.VersionId}");
        var speech = oldPanel["component"]!.AsArray().Single(c => (string?)c!["code"]!["coding"]![0]!["code"] == "item-1")!;
        Assert.Equal(4, (int)speech["valueInteger"]!);
        Assert.Contains("\"valueInteger\":2", (await http.GetStringAsync($"/fhir/Observation/{assessmentId}")).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var (_, _, oldPatient) = await GetAsync(http, $"/fhir/Patient/{patientId}/_history/{firstPatient.Meta.VersionId}");
        Assert.Equal("+381600000001", (string?)oldPatient["telecom"]![0]!["value"]);
        Assert.Equal(2, (await BundleAsync(http, $"/fhir/Patient/{patientId}/_history")).Total);
    }
}
