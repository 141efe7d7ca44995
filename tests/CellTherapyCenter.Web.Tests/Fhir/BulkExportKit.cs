using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Web.Features.Demo;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>What the bulk export tests share: kick-off, polling on a condition, downloading and reading ndjson, the database's own counts.</summary>
public static class BulkExportKit
{
    public static HttpRequestMessage KickOff(string url, bool preferAsync = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (preferAsync) request.Headers.Add("Prefer", "respond-async");
        return request;
    }

    /// <summary>Kicks off and returns the status URL; fails with the answer when it is not 202.</summary>
    public static async Task<string> StartAsync(HttpClient http, string url)
    {
        using var request = KickOff(url);
        using var response = await http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Content.Headers.ContentLocation?.ToString() ?? response.Headers.GetValues("Content-Location").Single();
    }

    /// <summary>Polls the status URL until it answers other than 202, within the bound of background work; the X-Progress and Retry-After of each 202 are checked.</summary>
    public static async Task<JsonObject> CompletedAsync(HttpClient http, string statusUrl)
    {
        using var bound = new CancellationTokenSource(Eventually.Bound);
        while (true)
        {
            using var response = await http.GetAsync(statusUrl);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                return JsonNode.Parse(text)!.AsObject();
            }
            Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("X-Progress").Single()));
            Assert.NotNull(response.Headers.RetryAfter);
            // A pause between polls of a condition, not a guess at how long the export takes.
            try { await Task.Delay(50, bound.Token); }
            catch (OperationCanceledException) { Assert.Fail($"The export did not complete within {Eventually.Bound.TotalSeconds} s."); }
        }
    }

    /// <summary>Every line of every output file, parsed, by type; each line checked to be the file's type.</summary>
    public static async Task<Dictionary<string, List<Resource>>> DownloadAsync(HttpClient http, JsonObject manifest)
    {
        var byType = new Dictionary<string, List<Resource>>(StringComparer.Ordinal);
        foreach (var output in manifest["output"]!.AsArray())
        {
            var type = (string)output!["type"]!;
            using var response = await http.GetAsync((string)output["url"]!);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/fhir+ndjson", response.Content.Headers.ContentType?.MediaType);
            var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal((long)output["count"]!, lines.Length);
            var list = byType.TryGetValue(type, out var l) ? l : byType[type] = [];
            foreach (var line in lines)
            {
                var resource = JsonSerializer.Deserialize<Resource>(line, FhirResults.Json)!;
                Assert.Equal(type, resource.TypeName);
                list.Add(resource);
            }
        }
        return byType;
    }

    /// <summary>The registry's own counts, per exported type, of the records that are not voided (of patients not voided).</summary>
    public static async Task<Dictionary<string, long>> DatabaseCountsAsync(RegistryDbContext db)
    {
        var patients = db.Patients.Where(p => p.VoidedAt == null).Select(p => p.Id);
        var assessments = db.AlsfrsRAssessments.Where(a => a.VoidedAt == null && patients.Contains(a.PatientId));
        var visits = db.Visits.Where(v => v.VoidedAt == null && patients.Contains(v.PatientId));
        return new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["Patient"] = await patients.LongCountAsync(),
            ["Condition"] = await db.Diagnoses.LongCountAsync(d => d.VoidedAt == null && patients.Contains(d.PatientId)),
            ["Observation"] = await assessments.LongCountAsync()
                + await visits.LongCountAsync(v => v.FvcPercentPredicted != null || v.FvcPercentPredictedMissing != null)
                + await visits.LongCountAsync(v => v.WeightKg != null || v.WeightKgMissing != null),
            ["QuestionnaireResponse"] = await assessments.LongCountAsync(a => a.Mode == AssessmentMode.SelfAdministeredOnline),
            ["EpisodeOfCare"] = await db.TreatmentCourses.LongCountAsync(c => c.VoidedAt == null && patients.Contains(c.PatientId)),
            ["Procedure"] = await db.Transplantations.LongCountAsync(t => t.VoidedAt == null && patients.Contains(t.PatientId)),
            ["AdverseEvent"] = await db.AdverseEvents.LongCountAsync(e => e.VoidedAt == null && patients.Contains(e.PatientId)),
            ["Consent"] = await db.Consents.LongCountAsync(c => c.VoidedAt == null && patients.Contains(c.PatientId)),
            ["Appointment"] = await db.FollowUpItems.LongCountAsync(i => i.VoidedAt == null && patients.Contains(i.PatientId)),
        };
    }

    /// <summary>The demo registry (a few patients), seeded once per app, with one assessment voided so that the export must leave it out.</summary>
    public static async Task<Guid> SeedAsync(RegistryAppFactory app)
    {
        _ = app.Server;
        var voided = await app.WithDbAsync(db => db.AlsfrsRAssessments.Where(a => a.VoidedAt != null).Select(a => (Guid?)a.Id).FirstOrDefaultAsync());
        if (voided is { } id) return id;
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoCohortSeeder>().SeedAsync(
                new DemoCohortOptions { Patients = 5, Seed = 11, DataDate = new DateOnly(2026, 6, 1) }, CancellationToken.None);
        return await app.WithDbAsync(async db =>
        {
            var assessment = await db.AlsfrsRAssessments.OrderBy(a => a.Id).FirstAsync();
            assessment.Void("Entered for the wrong patient (bulk export test)", "test", DateTime.UtcNow);
            await db.SaveChangesAsync();
            return assessment.Id;
        });
    }
}
