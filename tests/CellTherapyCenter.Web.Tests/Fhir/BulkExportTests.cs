using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Fhir;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Fhir.Export;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>
/// FHIR Bulk Data export through the real app on both databases: kick-off, polling, download, the
/// files' counts against the database's, the parameters, who sees a job, cancel and expiry. The
/// test apps split files at 40 resources (RegistryAppFactory), so every type of the demo registry
/// that has more comes in several files.
/// </summary>
public sealed class BulkExportTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task An_export_holds_every_record_that_is_not_voided_once_split_into_files_each_line_its_type(DatabaseProvider database)
    {
        var app = apps[database];
        var voided = await BulkExportKit.SeedAsync(app);
        var (http, clientId) = await FhirTestClient.SignedInAsync(app);

        var status = await BulkExportKit.StartAsync(http, "/fhir/$export");
        Assert.Matches("^http://localhost/fhir/\\$export-status/[0-9a-f]{32}$", status);
        var manifest = await BulkExportKit.CompletedAsync(http, status);
        Assert.True((bool)manifest["requiresAccessToken"]!);
        Assert.Equal("http://localhost/fhir/$export", (string?)manifest["request"]);
        Assert.True(DateTimeOffset.TryParse((string)manifest["transactionTime"]!, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        Assert.Empty(manifest["error"]!.AsArray());

        var files = await BulkExportKit.DownloadAsync(http, manifest);
        var expected = await app.WithDbAsync(BulkExportKit.DatabaseCountsAsync);
        Assert.Equal(Listed(expected.Where(e => e.Value > 0).Select(e => (e.Key, e.Value))), Listed(files.Select(f => (f.Key, (long)f.Value.Count))));
        foreach (var (type, resources) in files)
            Assert.True(resources.Select(r => r.Id).Distinct().Count() == resources.Count, $"A {type} is in the export twice.");
        Assert.DoesNotContain(files["Observation"], r => r.Id == voided.ToString());
        Assert.All(manifest["output"]!.AsArray(), o => Assert.InRange((long)o!["count"]!, 1, 40));
        Assert.Contains(manifest["output"]!.AsArray(), o => (string?)o!["type"] == "Observation" && (long)o["count"]! == 40);
        Assert.All(files["Patient"].Cast<Hl7.Fhir.Model.Patient>(), p => Assert.NotEmpty(p.Name));

        // The kick-off, every download and the export itself are in the audit trail as the client.
        var userId = FhirClientAccess.ClientIdPrefix + clientId;
        var lines = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.UserId == userId).ToListAsync());
        Assert.Single(lines, a => a.Action == BulkExportAudit.KickOff);
        Assert.Equal(manifest["output"]!.AsArray().Count, lines.Count(a => a.Action == BulkExportAudit.Download));
        var exported = lines.Where(a => a.Action == AuditActions.Export).ToList();
        Assert.Contains(exported, a => a.Detail!.Contains($"\"patients\":{expected["Patient"]}", StringComparison.Ordinal));
        Assert.All(files["Patient"], p => Assert.Contains(exported, a => a.Detail!.Contains(p.Id!, StringComparison.Ordinal)));
    }

    [Theory, EveryDatabase]
    public async Task Type_and_since_filter_and_a_group_holds_its_patients(DatabaseProvider database)
    {
        var app = apps[database];
        await BulkExportKit.SeedAsync(app);
        var (http, _) = await FhirTestClient.SignedInAsync(app);
        var expected = await app.WithDbAsync(BulkExportKit.DatabaseCountsAsync);

        var typed = await BulkExportKit.DownloadAsync(http, await BulkExportKit.CompletedAsync(http,
            await BulkExportKit.StartAsync(http, "/fhir/Patient/$export?_type=Condition,Consent&_outputFormat=application%2Ffhir%2Bndjson")));
        Assert.Equal(new[] { "Condition", "Consent" }, typed.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(expected["Condition"], typed["Condition"].Count);

        // _since: only what changed after it.
        var since = DateTime.UtcNow;
        var changed = await app.WithDbAsync(async db =>
        {
            var diagnosis = await db.Diagnoses.OrderBy(d => d.Id).FirstAsync();
            diagnosis.DiagnosisDate = diagnosis.DiagnosisDate?.AddDays(-1) ?? new DateOnly(2024, 1, 1);
            await db.SaveChangesAsync();
            return diagnosis.Id;
        });
        var sinceText = Uri.EscapeDataString(since.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
        var recent = await BulkExportKit.DownloadAsync(http, await BulkExportKit.CompletedAsync(http,
            await BulkExportKit.StartAsync(http, $"/fhir/$export?_since={sinceText}")));
        Assert.Equal(new[] { "Condition" }, recent.Keys.ToArray());
        Assert.Equal(changed.ToString(), Assert.Single(recent["Condition"]).Id);

        var treatedPatients = await app.WithDbAsync(db => db.Patients.CountAsync(p => p.VoidedAt == null && db.TreatmentCourses.Any(c => c.PatientId == p.Id && c.VoidedAt == null)));
        var treated = await BulkExportKit.DownloadAsync(http, await BulkExportKit.CompletedAsync(http,
            await BulkExportKit.StartAsync(http, "/fhir/Group/treated/$export?_type=Patient,EpisodeOfCare")));
        Assert.Equal(treatedPatients, treated["Patient"].Count);
        Assert.Equal(expected["EpisodeOfCare"], treated["EpisodeOfCare"].Count);
        Assert.InRange(treatedPatients, 1, (int)expected["Patient"]);
    }

    [Theory, EveryDatabase]
    public async Task A_bad_kick_off_is_refused_with_an_OperationOutcome(DatabaseProvider database)
    {
        var app = apps[database];
        var (http, _) = await FhirTestClient.SignedInAsync(app);
        var (patientOnly, _) = await FhirTestClient.SignedInAsync(app, "system/Patient.read");
        var jobsBefore = await app.WithDbAsync(db => db.BulkExportJobs.CountAsync());
        foreach (var (client, url, prefer, status) in new[]
        {
            (http, "/fhir/$export", false, HttpStatusCode.BadRequest),
            (http, "/fhir/$export?_type=Condition,Medication", true, HttpStatusCode.BadRequest),
            (http, "/fhir/$export?_outputFormat=text%2Fcsv", true, HttpStatusCode.BadRequest),
            (http, "/fhir/$export?_since=2026-01-01", true, HttpStatusCode.BadRequest),
            (http, "/fhir/$export?_typeFilter=Observation%3Fcode%3D1", true, HttpStatusCode.BadRequest),
            (http, "/fhir/Group/nobody/$export", true, HttpStatusCode.NotFound),
            (patientOnly, "/fhir/$export?_type=Patient,Condition", true, HttpStatusCode.Forbidden),
        })
        {
            using var response = await client.SendAsync(BulkExportKit.KickOff(url, prefer));
            Assert.True(status == response.StatusCode, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("OperationOutcome", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(jobsBefore, await app.WithDbAsync(db => db.BulkExportJobs.CountAsync()));

        // Without _type, a client exports what its scopes let it read, and no more.
        await BulkExportKit.SeedAsync(app);
        var manifest = await BulkExportKit.CompletedAsync(patientOnly, await BulkExportKit.StartAsync(patientOnly, "/fhir/$export"));
        Assert.All(manifest["output"]!.AsArray(), o => Assert.Equal("Patient", (string?)o!["type"]));

        // The CapabilityStatement says so: the IG's canonical, and $export at system, Patient and Group level.
        var statement = System.Text.Json.JsonSerializer.Deserialize<CapabilityStatement>(await http.GetStringAsync("/fhir/metadata"), FhirResults.Json)!;
        Assert.Contains("http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data", statement.Instantiates);
        Assert.Equal("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export", Assert.Single(statement.Rest[0].Operation).Definition);
        foreach (var (type, operation) in new[] { ("Patient", "patient-export"), ("Group", "group-export") })
            Assert.Equal($"http://hl7.org/fhir/uv/bulkdata/OperationDefinition/{operation}",
                Assert.Single(statement.Rest[0].Resource.Single(r => r.Type == type).Operation).Definition);
    }

    [Theory, EveryDatabase]
    public async Task A_researcher_export_is_pseudonymised_and_no_other_client_sees_a_job(DatabaseProvider database)
    {
        var app = apps[database];
        await BulkExportKit.SeedAsync(app);
        var (researcher, _) = await FhirTestClient.SignedInAsync(app, role: StaffRoles.Researcher);
        var (other, _) = await FhirTestClient.SignedInAsync(app);

        var status = await BulkExportKit.StartAsync(researcher, "/fhir/$export?_type=Patient");
        var manifest = await BulkExportKit.CompletedAsync(researcher, status);
        var patients = (await BulkExportKit.DownloadAsync(researcher, manifest))["Patient"].Cast<Hl7.Fhir.Model.Patient>().ToList();
        Assert.NotEmpty(patients);
        Assert.All(patients, p =>
        {
            Assert.Empty(p.Name);
            Assert.Empty(p.Telecom);
            Assert.Empty(p.Address);
            Assert.Equal(4, p.BirthDate?.Length);
        });

        var file = (string)manifest["output"]![0]!["url"]!;
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(file)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync(status)).StatusCode);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(file)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await researcher.GetAsync(file)).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Cancel_deletes_the_job_and_its_files(DatabaseProvider database)
    {
        var app = apps[database];
        await BulkExportKit.SeedAsync(app);
        var (http, _) = await FhirTestClient.SignedInAsync(app);
        var folder = app.Services.GetRequiredService<BulkExportWorker>().Folder;

        var status = await BulkExportKit.StartAsync(http, "/fhir/$export");
        var manifest = await BulkExportKit.CompletedAsync(http, status);
        var jobId = Guid.ParseExact(status[(status.LastIndexOf('/') + 1)..], "N");
        var jobFolder = Path.Combine(folder, jobId.ToString("N"));
        Assert.NotEmpty(Directory.GetFiles(jobFolder, "*.ndjson"));

        Assert.Equal(HttpStatusCode.Accepted, (await http.DeleteAsync(status)).StatusCode);
        Assert.False(Directory.Exists(jobFolder));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync((string)manifest["output"]![0]!["url"]!)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.BulkExportJobs.AnyAsync(j => j.Id == jobId)));

        // Cancelled while queued or running: nothing is left once the worker has noticed.
        var second = await BulkExportKit.StartAsync(http, "/fhir/$export");
        Assert.Equal(HttpStatusCode.Accepted, (await http.DeleteAsync(second)).StatusCode);
        var secondFolder = Path.Combine(folder, second[(second.LastIndexOf('/') + 1)..]);
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            var running = await app.WithDbAsync(db => db.BulkExportJobs.AnyAsync(j => j.State == BulkExportState.Running || j.State == BulkExportState.Queued));
            return !running && !Directory.Exists(secondFolder);
        }), "The cancelled job's folder is still there.");
    }

    [Theory, EveryDatabase]
    public async Task A_job_and_its_files_expire(DatabaseProvider database)
    {
        var app = apps[database];
        await BulkExportKit.SeedAsync(app);
        var clock = FakeClocks.AtRealNow();
        await using var timed = app.WithWebHostBuilder(b => b
            .UseSetting("Fhir:Export:Expiry", "00:01:00")
            .UseSetting("Fhir:Export:PollSeconds", "0.2")
            .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var key = FhirClientKey.Ec();
        var clientId = await FhirTestClient.RegisterAsync(app, key, "system/*.read");
        using var http = timed.CreateClient();
        var (tokenStatus, token) = await FhirTestClient.TokenAsync(http, FhirTestClient.Assertion(clientId, key));
        Assert.Equal(HttpStatusCode.OK, tokenStatus);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)token["access_token"]!);

        var status = await BulkExportKit.StartAsync(http, "/fhir/$export?_type=Patient");
        var manifest = await BulkExportKit.CompletedAsync(http, status);
        var file = (string)manifest["output"]![0]!["url"]!;
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(file)).StatusCode);
        var jobFolder = Path.Combine(timed.Services.GetRequiredService<BulkExportWorker>().Folder, status[(status.LastIndexOf('/') + 1)..]);
        Assert.True(Directory.Exists(jobFolder));

        // Past the expiry, within the token's five minutes.
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(file)).StatusCode);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(!Directory.Exists(jobFolder))), "The expired job's files are still there.");
    }

    private static string Listed(IEnumerable<(string Type, long Count)> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Type, StringComparer.Ordinal).Select(c => $"{c.Type} {c.Count}"));
}
