using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Features.Fhir.Resources;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using FhirPatient = CellTherapyCenter.Data.Patients.Patient;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>What the write tests send: a fresh patient, an ALSFRS-R as the app maps one, and requests carrying it.</summary>
public static class FhirWrites
{
    /// <summary>Items 3 4 2 3 1 2 3 0 1 4 3 2 (5a): total 28.</summary>
    public static readonly AlsfrsRResponses Scores = AlsfrsRResponses.FromScores(3, 4, 2, 3, 1, 2, 3, 0, 1, 4, 3, 2, CuttingFoodVersion.WithoutGastrostomy5a);

    public static Task<Guid> PatientAsync(RegistryAppFactory app) => app.WithDbAsync(async db =>
    {
        var patient = new FhirPatient
        {
            FamilyName = "Writer", GivenName = "Fhir", Pseudonym = "CTC-" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(),
            DateOfBirth = new DateOnly(1958, 2, 3),
        };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    });

    private static AlsfrsRAssessment Assessment(Guid patientId, DateOnly day, AlsfrsRResponses? responses, AssessmentMode mode)
    {
        var assessment = new AlsfrsRAssessment
        {
            PatientId = patientId, AssessedOn = day, Mode = mode, CreatedAt = DateTime.UtcNow,
            Rater = mode == AssessmentMode.SelfAdministeredOnline ? AssessmentRater.Patient : AssessmentRater.Clinician,
        };
        assessment.SetResponses(responses ?? Scores);
        return assessment;
    }

    /// <summary>An ALSFRS-R Observation as a home-monitoring system would send it (the registry's own mapping, without id or meta).</summary>
    public static Observation Panel(RegistryAppFactory app, Guid patientId, DateOnly day, AlsfrsRResponses? responses = null, string? identifier = null)
    {
        var observation = app.Services.GetRequiredService<RegistryToFhir>().AlsfrsRObservation(Assessment(patientId, day, responses, AssessmentMode.InPerson));
        observation.Id = null;
        observation.Meta = null;
        if (identifier is not null) observation.Identifier = [new Identifier("urn:test:home-app", identifier)];
        return observation;
    }

    public static QuestionnaireResponse SelfReport(RegistryAppFactory app, Guid patientId, DateOnly day)
    {
        var response = app.Services.GetRequiredService<RegistryToFhir>().AlsfrsRQuestionnaireResponse(Assessment(patientId, day, null, AssessmentMode.SelfAdministeredOnline));
        response.Id = null;
        response.Meta = null;
        return response;
    }

    public static string Json(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), FhirResults.Json);

    public static async Task<(HttpStatusCode Status, HttpResponseMessage Response, JsonObject? Body)> SendAsync(HttpClient http, HttpMethod method, string path,
        string body, string contentType = FhirResults.ContentType, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response, text.Length == 0 ? null : JsonNode.Parse(text)!.AsObject());
    }

    public static Task<(HttpStatusCode Status, HttpResponseMessage Response, JsonObject? Body)> PostAsync(HttpClient http, Resource resource, params (string Name, string Value)[] headers) =>
        SendAsync(http, HttpMethod.Post, "/fhir/" + resource.TypeName, Json(resource), FhirResults.ContentType, headers);

    public static Task<List<AlsfrsRAssessment>> AssessmentsAsync(RegistryAppFactory app, Guid patientId) =>
        app.WithDbAsync(db => db.AlsfrsRAssessments.AsNoTracking().Where(a => a.PatientId == patientId).ToListAsync());

    /// <summary>The issue codes of an OperationOutcome (input-issue codes, else the issue type), for assertions.</summary>
    public static List<string> IssueCodes(JsonObject? outcome) =>
        outcome?["issue"]?.AsArray().Select(i => (string?)i!["details"]?["coding"]?[0]?["code"] ?? (string)i!["code"]!).OfType<string>().ToList() ?? [];

    public static string Describe(JsonObject? body) => body?.ToJsonString() ?? "(no body)";
}
