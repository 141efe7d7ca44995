using System.Globalization;
using System.Text.Json.Nodes;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Fhir;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Features.Fhir.Export;

/// <summary>
/// The bulk export's routes: the kick-offs (<see cref="BulkExportKickOff"/>), the status URL
/// (<c>GET</c> polls, <c>DELETE</c> cancels) and the file URLs. A job is visible only to the
/// client that started it and only until it expires: anyone else, and everyone after, gets 404.
/// </summary>
public static class BulkExportEndpoints
{
    public const string NdjsonContentType = "application/fhir+ndjson";

    public static RouteGroupBuilder MapFhirBulkExport(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/$export", (HttpContext http, RegistryDbContext db, AuditLog audit, Microsoft.Extensions.Options.IOptions<BulkExportOptions> options, BulkExportSignal signal, TimeProvider clock) =>
            BulkExportKickOff.KickOffAsync(http, null, db, audit, options, signal, clock)).NoPatientData();
        fhir.MapGet("/Patient/$export", (HttpContext http, RegistryDbContext db, AuditLog audit, Microsoft.Extensions.Options.IOptions<BulkExportOptions> options, BulkExportSignal signal, TimeProvider clock) =>
            BulkExportKickOff.KickOffAsync(http, null, db, audit, options, signal, clock)).NoPatientData();
        fhir.MapGet("/Group/{id}/$export", (string id, HttpContext http, RegistryDbContext db, AuditLog audit, Microsoft.Extensions.Options.IOptions<BulkExportOptions> options, BulkExportSignal signal, TimeProvider clock) =>
            BulkExportKickOff.KickOffAsync(http, id, db, audit, options, signal, clock)).NoPatientData();
        fhir.MapGet("/$export-status/{jobId}", StatusAsync).NoPatientData();
        fhir.MapDelete("/$export-status/{jobId}", CancelAsync).NoPatientData();
        fhir.MapGet("/$export-file/{jobId}/{file}", DownloadAsync).ReadsPatientData(BulkExportAudit.EntityType, "FHIR bulk export file");
        return fhir;
    }

    private static string ClientId(HttpContext http) =>
        http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value[FhirClientAccess.ClientIdPrefix.Length..];

    /// <summary>The client's own job, not expired; null for any other (unknown, someone else's, expired).</summary>
    private static async Task<BulkExportJob?> FindAsync(string jobId, HttpContext http, RegistryDbContext db, TimeProvider clock)
    {
        if (!Guid.TryParseExact(jobId, "N", out var id)) return null;
        var client = ClientId(http);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.BulkExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.ClientId == client && j.ExpiresAt > now, http.RequestAborted);
    }

    private static async Task<IResult> NotFoundAsync(HttpContext http, AuditLog audit)
    {
        await audit.WriteAsync(FhirAuditActions.Refused, BulkExportAudit.EntityType, http.Request.Path, null, "404 no such export job", http.RequestAborted);
        return FhirResults.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound,
            "No export job at this address for this client (it may have expired, been cancelled, or be another client's).");
    }

    private static async Task<IResult> StatusAsync(string jobId, HttpContext http, RegistryDbContext db, AuditLog audit, TimeProvider clock)
    {
        var job = await FindAsync(jobId, http, db, clock);
        if (job is null) return await NotFoundAsync(http, audit);
        http.Response.Headers.CacheControl = "no-store";
        switch (job.State)
        {
            case BulkExportState.Queued:
            case BulkExportState.Running:
                http.Response.Headers["X-Progress"] = job.State == BulkExportState.Queued || (job.ResourcesTotal == 0 && job.ResourcesWritten == 0)
                    ? "queued"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{Math.Min(100, 100 * job.ResourcesWritten / Math.Max(1, job.ResourcesTotal))}% ({job.ResourcesWritten} of {job.ResourcesTotal} resources)");
                http.Response.Headers.RetryAfter = "2";
                return Results.StatusCode(StatusCodes.Status202Accepted);
            case BulkExportState.Completed:
                http.Response.Headers.Expires = new DateTimeOffset(DateTime.SpecifyKind(job.ExpiresAt, DateTimeKind.Utc)).ToString("R", CultureInfo.InvariantCulture);
                return Results.Text(Manifest(job, SmartSetup.BaseUri(http)).ToJsonString(), "application/json", System.Text.Encoding.UTF8);
            default:
                return FhirResults.Outcome(StatusCodes.Status500InternalServerError, OperationOutcome.IssueType.Exception,
                    "The export failed and was given up after three runs; start a new export.");
        }
    }

    /// <summary>The completion answer (IG 2.0): transactionTime, request, requiresAccessToken, output[] and error[].</summary>
    public static JsonObject Manifest(BulkExportJob job, string baseUri)
    {
        var outputs = BulkExportOutput.Parse(job.Outputs);
        JsonArray Files(bool error) => new(outputs.Where(o => o.Error == error).Select(o => (JsonNode)new JsonObject
        {
            ["type"] = o.Type,
            ["url"] = $"{baseUri}/fhir/$export-file/{job.Id:N}/{o.File}",
            ["count"] = o.Count,
        }).ToArray());
        return new JsonObject
        {
            ["transactionTime"] = new DateTimeOffset(DateTime.SpecifyKind(job.TransactionTime, DateTimeKind.Utc)).ToString("yyyy-MM-ddTHH:mm:ss.fffK", CultureInfo.InvariantCulture),
            ["request"] = job.Request,
            ["requiresAccessToken"] = true,
            ["output"] = Files(error: false),
            ["error"] = Files(error: true),
        };
    }

    private static async Task<IResult> CancelAsync(string jobId, HttpContext http, RegistryDbContext db, AuditLog audit, TimeProvider clock, BulkExportWorker worker)
    {
        var job = await FindAsync(jobId, http, db, clock);
        if (job is null) return await NotFoundAsync(http, audit);
        // The row goes first: a run still writing loses its lease at its next step and deletes what it wrote.
        await db.BulkExportJobs.Where(j => j.Id == job.Id).ExecuteDeleteAsync(http.RequestAborted);
        worker.DeleteFolder(job.Id);
        await audit.WriteAsync(BulkExportAudit.Cancel, BulkExportAudit.EntityType, job.Id.ToString(), null, $"cancelled in state {job.State}", http.RequestAborted);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> DownloadAsync(string jobId, string file, HttpContext http, RegistryDbContext db, AuditLog audit,
        PatientReadAudit read, TimeProvider clock, BulkExportWorker worker)
    {
        var job = await FindAsync(jobId, http, db, clock);
        var output = job is { State: BulkExportState.Completed } && BulkExportOutput.IsFileName(file)
            ? BulkExportOutput.Parse(job.Outputs).FirstOrDefault(o => o.File == file) : null;
        var path = output is null ? null : Path.Combine(worker.Folder, job!.Id.ToString("N"), output.File);
        if (path is null || !File.Exists(path)) return await NotFoundAsync(http, audit);
        read.ReadUnlinked($"{job!.Id:N}/{output!.File}", $"FHIR bulk export file: {output.Count} {output.Type}", BulkExportAudit.Download);
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(path, NdjsonContentType);
    }
}
