using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static CellTherapyCenter.Web.Tests.Fhir.FhirSearchFixture;
using Task = System.Threading.Tasks.Task;

// Firely's model marks every element nullable; a null where a test reads one fails the test as clearly as an assertion.
#pragma warning disable CS8600, CS8602, CS8604

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>
/// Read and search over the demo registry on each database: every type walked page by page with
/// its patients included equals what the database holds and validates; each parameter and prefix
/// selects what the database says it should; reads carry the version as ETag.
/// </summary>
public sealed partial class FhirSearchTests(RegistryApps apps, ITestOutputHelper output) : IClassFixture<RegistryApps>
{
    public static readonly string[] Types = ["Patient", "Condition", "Observation", "QuestionnaireResponse", "EpisodeOfCare", "Procedure", "AdverseEvent", "Consent", "Appointment"];

    [GeneratedRegex("Patient/([0-9a-f-]{36})")]
    private static partial Regex PatientReference();

    /// <summary>What the API should serve of each type, counted straight from the tables.</summary>
    public static async Task<Dictionary<string, int>> ServedCountsAsync(RegistryDbContext db)
    {
        var blocked = db.ErasureRequests.Where(e => e.VoidedAt == null).Select(e => e.PatientId);
        var patients = db.Patients.Where(p => p.VoidedAt == null && !blocked.Contains(p.Id)).Select(p => p.Id);
        return new Dictionary<string, int>
        {
            ["Patient"] = await patients.CountAsync(),
            ["Condition"] = await db.Diagnoses.CountAsync(x => x.VoidedAt == null && patients.Contains(x.PatientId)),
            ["Observation"] = await db.AlsfrsRAssessments.CountAsync(x => x.VoidedAt == null && patients.Contains(x.PatientId))
                + await db.Visits.CountAsync(x => x.VoidedAt == null && patients.Contains(x.PatientId) && (x.FvcPercentPredicted != null || x.FvcPercentPredictedMissing != null))
                + await db.Visits.CountAsync(x => x.VoidedAt == null && patients.Contains(x.PatientId) && (x.WeightKg != null || x.WeightKgMissing != null)),
            ["QuestionnaireResponse"] = await db.AlsfrsRAssessments.CountAsync(x => x.VoidedAt == null && patients.Contains(x.PatientId) && x.Mode == AssessmentMode.SelfAdministeredOnline),
            ["EpisodeOfCare"] = await db.TreatmentCourses.CountAsync(x => x.VoidedAt == null && patients.Contains(x.PatientId)),
            ["Procedure"] = await db.Transplantations.CountAsync(x => x.VoidedAt == null && patients.Contains(x.PatientId)),
            ["AdverseEvent"] = await db.AdverseEvents.CountAsync(x => x.VoidedAt == null && patients.Contains(x.PatientId)),
            ["Consent"] = await db.Consents.CountAsync(x => x.VoidedAt == null && patients.Contains(x.PatientId)),
            ["Appointment"] = await db.FollowUpItems.CountAsync(x => x.VoidedAt == null && patients.Contains(x.PatientId)),
        };
    }

    [Theory, EveryDatabase]
    public async Task Every_type_walked_page_by_page_with_its_patients_is_what_the_database_holds_and_validates(DatabaseProvider database)
    {
        var app = apps[database];
        await SeedAsync(app);
        var (http, _) = await FhirTestClient.SignedInAsync(app);
        var expected = await app.WithDbAsync(ServedCountsAsync);
        var served = new Dictionary<string, Resource>();
        foreach (var type in Types)
        {
            var include = type == "Patient" ? "" : $"&_include={type}:patient";
            var pages = await WalkAsync(http, $"/fhir/{type}?_count=7{include}");
            var matches = pages.Matches().ToList();
            output.WriteLine($"{type}: {matches.Count} in {pages.Count} pages");
            Assert.True(expected[type] > 0, $"The demo registry has no {type}.");
            Assert.Equal(expected[type], matches.Count);
            Assert.All(pages, p => Assert.Equal(expected[type], p.Total));
            Assert.Equal(matches.Count, matches.Select(r => r.Id).Distinct().Count());
            Assert.Equal((expected[type] + 6) / 7, pages.Count);
            Assert.All(matches, r => Assert.Equal(type, r.TypeName));
            foreach (var page in pages.Where(_ => type != "Patient"))
            {
                // The page includes exactly the patients its entries refer to.
                var referred = page.Entry.Where(e => e.Search.Mode == Bundle.SearchEntryMode.Match)
                    .SelectMany(e => PatientReference().Matches(JsonSerializer.Serialize(e.Resource, e.Resource.GetType(), FhirResults.Json)).Select(m => m.Groups[1].Value))
                    .ToHashSet();
                var included = page.Entry.Where(e => e.Search.Mode == Bundle.SearchEntryMode.Include).Select(e => e.Resource).ToList();
                Assert.All(included, r => Assert.Equal("Patient", r.TypeName));
                Assert.Equal(referred.Order(StringComparer.Ordinal), included.Select(r => r.Id).Order(StringComparer.Ordinal));
            }
            foreach (var resource in matches.Concat(pages.Included())) served.TryAdd($"{resource.TypeName}/{resource.Id}", resource);

            // A read gives the same resource, its version as ETag.
            var first = matches[0];
            using var read = await http.GetAsync($"/fhir/{type}/{first.Id}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Matches("^[0-9a-f]{32}$", first.Meta.VersionId);
            Assert.Equal($"W/\"{first.Meta.VersionId}\"", read.Headers.ETag?.ToString());
            Assert.Equal(JsonSerializer.Serialize(first, first.GetType(), FhirResults.Json), await read.Content.ReadAsStringAsync());
        }

        var errors = served.Values.SelectMany(r => SharedFhirValidator.Check(r).Errors).ToList();
        output.WriteLine($"Validated {served.Count} resources.");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(30)));
    }

    [Theory, EveryDatabase]
    public async Task Each_parameter_and_prefix_selects_what_the_database_says(DatabaseProvider database)
    {
        var app = apps[database];
        await SeedAsync(app);
        var (http, _) = await FhirTestClient.SignedInAsync(app);
        var (patientId, pseudonym, days, visitMeasures, consentTimes) = await app.WithDbAsync(async db =>
        {
            var patient = await db.AlsfrsRAssessments.Where(a => a.VoidedAt == null).GroupBy(a => a.PatientId)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            var code = await db.Patients.Where(p => p.Id == patient).Select(p => p.Pseudonym).SingleAsync();
            var assessed = await db.AlsfrsRAssessments.Where(a => a.PatientId == patient && a.VoidedAt == null).Select(a => a.AssessedOn).ToListAsync();
            var measures = await db.Visits.Where(v => v.PatientId == patient && v.VoidedAt == null)
                .CountAsync(v => v.FvcPercentPredicted != null || v.FvcPercentPredictedMissing != null)
                + await db.Visits.Where(v => v.PatientId == patient && v.VoidedAt == null).CountAsync(v => v.WeightKg != null || v.WeightKgMissing != null);
            var consents = await db.Consents.Where(c => c.VoidedAt == null && c.PatientId == patient).Select(c => c.GivenAt).ToListAsync();
            return (patient, code, assessed, measures, consents);
        });
        Assert.True(days.Distinct().Count() >= 3, "The patient needs assessments on three days at least.");
        async Task<int> Total(string query) => (await BundleAsync(http, query)).Total!.Value;

        var panel = await BundleAsync(http, $"/fhir/Observation?patient={patientId}&code=82954-9");
        Assert.Equal(days.Count, panel.Total);
        Assert.All(panel.Entry.Select(e => (Observation)e.Resource), o =>
            Assert.Equal(("82954-9", $"Patient/{patientId}"), (o.Code.Coding[0].Code, o.Subject.Reference)));
        Assert.Equal(days.Count, await Total($"/fhir/Observation?subject=Patient/{patientId}&code=http://loinc.org|82954-9"));
        Assert.Equal(visitMeasures, await Total($"/fhir/Observation?patient={patientId}&code=19872-1,http://loinc.org|29463-7"));
        Assert.Equal(0, await Total($"/fhir/Observation?patient={patientId}&code=http://snomed.info/sct|82954-9"));
        Assert.Equal(days.Count + visitMeasures, await Total($"/fhir/Observation?patient=Patient/{patientId}"));

        var day = days.Order().ElementAt(days.Count / 2);
        var iso = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var month = new DateOnly(day.Year, day.Month, 1);
        foreach (var (query, count) in new (string, int)[]
        {
            (iso, days.Count(d => d == day)),
            ("eq" + iso, days.Count(d => d == day)),
            ("ge" + iso, days.Count(d => d >= day)),
            ("gt" + iso, days.Count(d => d > day)),
            ("le" + iso, days.Count(d => d <= day)),
            ("lt" + iso, days.Count(d => d < day)),
            (day.ToString("yyyy-MM", CultureInfo.InvariantCulture), days.Count(d => d >= month && d < month.AddMonths(1))),
            ("gt" + day.ToString("yyyy-MM", CultureInfo.InvariantCulture), days.Count(d => d >= month.AddMonths(1))),
            ("lt" + day.Year.ToString(CultureInfo.InvariantCulture), days.Count(d => d.Year < day.Year)),
            ("ge" + day.Year.ToString(CultureInfo.InvariantCulture), days.Count(d => d.Year >= day.Year)),
        })
            Assert.True(count == await Total($"/fhir/Observation?patient={patientId}&code=82954-9&date={query}"), $"date={query}");
        Assert.Equal(days.Count(d => d >= day && d < day.AddDays(40)),
            await Total($"/fhir/Observation?patient={patientId}&code=82954-9&date=ge{iso}&date=lt{day.AddDays(40):yyyy-MM-dd}"));
        var given = consentTimes.Min();
        Assert.Equal(consentTimes.Count(t => t.Date <= given.Date), await Total($"/fhir/Consent?patient={patientId}&date=le{given:yyyy-MM-dd}"));

        var all = await Total($"/fhir/Observation?patient={patientId}");
        Assert.Equal(all, await Total($"/fhir/Observation?patient={patientId}&_lastUpdated=ge{DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}"));
        Assert.Equal(0, await Total($"/fhir/Observation?patient={patientId}&_lastUpdated=lt2000"));
        Assert.Equal(0, await Total($"/fhir/Observation?patient={patientId}&_lastUpdated=gt{Uri.EscapeDataString(DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}"));

        var totalOnly = await BundleAsync(http, $"/fhir/Observation?patient={patientId}&_count=0");
        Assert.Equal((all, 0, false), (totalOnly.Total!.Value, totalOnly.Entry.Count, totalOnly.Link.Any(l => l.Relation == "next")));

        var byCode = await BundleAsync(http, $"/fhir/Patient?identifier={pseudonym}");
        Assert.Equal(patientId.ToString(), Assert.Single(byCode.Entry).Resource.Id);
        Assert.Equal(1, await Total($"/fhir/Patient?identifier={Uri.EscapeDataString($"http://localhost/fhir/sid/registry-code|{pseudonym}")}"));
        Assert.Equal(0, await Total($"/fhir/Patient?identifier=other-system|{pseudonym}"));
        Assert.Equal(1, await Total($"/fhir/Patient?_id={patientId}"));
        var oneObservation = panel.Entry[0].Resource.Id;
        Assert.Equal(1, await Total($"/fhir/Observation?_id={oneObservation},{Guid.NewGuid()}"));
    }

    [Theory, EveryDatabase]
    public async Task Unknown_malformed_and_unsupported_parameters_are_refused_naming_the_parameter(DatabaseProvider database)
    {
        var app = apps[database];
        var (http, clientId) = await FhirTestClient.SignedInAsync(app);
        foreach (var (query, parameter) in new[]
        {
            ("Observation?foo=1", "foo"), ("Observation?_sort=date", "_sort"), ("Observation?code:text=ALS", "code:text"),
            ("Observation?date=ne2024", "date"), ("Observation?date=sa2024", "date"), ("Observation?date=2024-13", "date"), ("Observation?date=yesterday", "date"),
            ("Observation?_lastUpdated=2024-02-30", "_lastUpdated"), ("EpisodeOfCare?code=x", "code"), ("Consent?subject=Patient/x", "subject"),
            ("Observation?patient=someone", "patient"), ("Observation?_count=-1", "_count"), ("Observation?_count=ten", "_count"),
            ("Observation?_include=Observation:performer", "_include"), ("Patient?_include=Patient:patient", "_include"), ("Observation?_revinclude=Provenance:target", "_revinclude"),
            ("Observation?_cursor=abc", "_cursor"), ("Observation?patient=", "patient"), ("Observation?_count=1&_count=2", "_count"), ("Patient?name=Ada", "name"),
        })
        {
            var (status, type, body) = await GetAsync(http, "/fhir/" + query);
            Assert.True(status == HttpStatusCode.BadRequest, $"{query}: {(int)status} {body.ToJsonString()}");
            Assert.Equal(("application/fhir+json", "OperationOutcome"), (type, (string?)body["resourceType"]));
            Assert.Contains($"'{parameter}'", (string?)body["issue"]![0]!["diagnostics"], StringComparison.Ordinal);
        }
        var refusals = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == FhirAuditActions.Refused && a.UserId == FhirClientAccess.ClientIdPrefix + clientId));
        Assert.Equal(20, refusals);
    }

    [Theory, EveryDatabase]
    public async Task Searches_and_reads_are_audited_with_the_client_and_the_patients(DatabaseProvider database)
    {
        var app = apps[database];
        await SeedAsync(app);
        var (http, clientId) = await FhirTestClient.SignedInAsync(app);
        var userId = FhirClientAccess.ClientIdPrefix + clientId;
        var patientId = await app.WithDbAsync(db => db.Diagnoses.Where(d => d.VoidedAt == null).Select(d => d.PatientId).FirstAsync());

        var found = await BundleAsync(http, $"/fhir/Condition?patient={patientId}&_include=Condition:patient");
        var condition = Assert.Single(found.Entry, e => e.Search.Mode == Bundle.SearchEntryMode.Match).Resource;
        var list = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.UserId == userId && a.Action == AuditActions.List));
        Assert.Contains($"Condition?patient={patientId}", list.Detail, StringComparison.Ordinal);
        Assert.Contains(patientId.ToString(), JsonSerializer.Deserialize<JsonElement>(list.Detail!).GetProperty("patients").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains(clientId, list.UserName, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/fhir/Condition/{condition.Id}")).StatusCode);
        var read = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.UserId == userId && a.Action == AuditActions.Read));
        Assert.Equal((patientId, $"Condition/{condition.Id}"), (read.PatientId!.Value, read.EntityId));

        foreach (var missing in new[] { $"/fhir/Condition/{Guid.NewGuid()}", "/fhir/Observation/not-an-id", $"/fhir/Observation/{condition.Id}-fvc" })
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(http, missing)).Status);
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.UserId == userId && a.Action == FhirAuditActions.Refused)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.UserId == userId && a.Action == AuditActions.Read)));
    }
}
