using System.Globalization;
using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Fhir;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Features.Fhir.Export;

/// <summary>
/// The kick-off of a bulk export (Bulk Data Access IG 2.0): <c>GET /fhir/$export</c>,
/// <c>/fhir/Patient/$export</c> and <c>/fhir/Group/{id}/$export</c>. It checks the request
/// (Prefer: respond-async, _type, _since, _outputFormat; any other parameter is refused, never
/// ignored) and the client's read scopes for every type, stores the job and answers 202 with the
/// status URL in Content-Location.
/// </summary>
public static class BulkExportKickOff
{
    public static readonly IReadOnlyList<string> OutputFormats = ["application/fhir+ndjson", "application/ndjson", "ndjson"];
    private static readonly HashSet<string> Parameters = ["_type", "_since", "_outputFormat"];

    public static async Task<IResult> KickOffAsync(HttpContext http, string? groupId, RegistryDbContext db, AuditLog audit,
        IOptions<BulkExportOptions> options, BulkExportSignal signal, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        async Task<IResult> RefuseAsync(int status, OperationOutcome.IssueType code, string text)
        {
            await audit.WriteAsync(FhirAuditActions.Refused, BulkExportAudit.EntityType, http.Request.Path, null, $"{status} {text}", ct);
            return FhirResults.Outcome(status, code, text);
        }

        if (!http.Request.Headers["Prefer"].Any(p => p is not null && p.Contains("respond-async", StringComparison.OrdinalIgnoreCase)))
            return await RefuseAsync(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Required,
                "A bulk export runs asynchronously: send the header 'Prefer: respond-async'.");
        var query = http.Request.Query;
        if (query.Keys.FirstOrDefault(k => !Parameters.Contains(k)) is { } unknown)
            return await RefuseAsync(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported,
                $"The parameter '{Bounded(unknown)}' is not supported by this server's $export (it takes _type, _since and _outputFormat).");
        if (query.Keys.FirstOrDefault(k => query[k].Count > 1) is { } repeated)
            return await RefuseAsync(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, $"The parameter '{repeated}' is given more than once.");
        if (query["_outputFormat"].ToString() is { Length: > 0 } format && !OutputFormats.Contains(format, StringComparer.Ordinal))
            return await RefuseAsync(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported,
                "_outputFormat must be application/fhir+ndjson (or application/ndjson, ndjson): the only format this server writes.");

        var requested = query["_type"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (requested.FirstOrDefault(t => !BulkExportSources.Types.Contains(t, StringComparer.Ordinal)) is { } badType)
            return await RefuseAsync(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported,
                $"_type names '{Bounded(badType)}', which this server does not export; it exports {string.Join(", ", BulkExportSources.Types)}.");
        DateTime? since = null;
        if (query["_since"].ToString() is { Length: > 0 } sinceText)
        {
            if (!TryParseInstant(sinceText, out var instant))
                return await RefuseAsync(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid,
                    "_since must be a FHIR instant with a time zone, e.g. 2026-01-31T12:00:00Z.");
            since = instant;
        }
        if (groupId is not null && BulkExportGroups.Find(groupId) is null)
            return await RefuseAsync(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound,
                $"No such group; the groups are {string.Join(", ", BulkExportGroups.All.Select(g => g.Id))}.");

        // A client exports only what it may read: every type it names, or (no _type) the types its scopes reach.
        var scopes = http.User.FindAll(OpenIddictConstants.Claims.Scope).Select(c => c.Value).ToList();
        var readable = BulkExportSources.Types.Where(t => SmartScopes.Allows(scopes, t, SmartPermissions.Read)).ToList();
        var types = requested.Length == 0 ? readable : BulkExportSources.Types.Where(t => requested.Contains(t, StringComparer.Ordinal)).ToList();
        if (types.Count == 0 || types.Except(readable).Any())
            return await RefuseAsync(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
                "The access token's scopes do not allow reading every type this export would hold: it needs system/*.read, or a read scope for each type named in _type.");

        var now = clock.GetUtcNow().UtcDateTime;
        var baseUri = SmartSetup.BaseUri(http);
        var job = new BulkExportJob
        {
            ClientId = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value[FhirClientAccess.ClientIdPrefix.Length..],
            ClientName = http.User.Identity?.Name ?? "unknown",
            Identified = StaffPolicies.Grants(http.User, StaffPolicies.ViewIdentified),
            Request = Truncated(baseUri + http.Request.Path + http.Request.QueryString, FieldLengths.Url),
            GroupId = groupId,
            Types = string.Join(',', types),
            Since = since,
            TransactionTime = now,
            CreatedAt = now,
            ExpiresAt = now + options.Value.Expiry,
            State = BulkExportState.Queued,
        };
        db.BulkExportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(BulkExportAudit.KickOff, BulkExportAudit.EntityType, job.Id.ToString(), null,
            JsonSerializer.Serialize(new { group = groupId, types = job.Types, since }), ct);
        signal.Wake();
        http.Response.Headers.ContentLocation = StatusUrl(baseUri, job.Id);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    public static string StatusUrl(string baseUri, Guid jobId) => $"{baseUri}/fhir/$export-status/{jobId:N}";

    private static string Truncated(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>A parameter name echoed in an error: short, and letters, digits and _-. only.</summary>
    private static string Bounded(string text) =>
        new(text.Take(40).Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':' ? c : '?').ToArray());

    /// <summary>A FHIR instant: date, time to the second at least, and a time zone (Z or an offset).</summary>
    public static bool TryParseInstant(string text, out DateTime utc)
    {
        utc = default;
        var t = text.IndexOf('T', StringComparison.Ordinal);
        if (t != 10 || text.Length < 20) return false;
        var zone = text[^1] == 'Z' || text.LastIndexOfAny(['+', '-']) > t;
        if (!zone || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        utc = parsed.UtcDateTime;
        return true;
    }
}
