using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.Fhir.Conformance;
using CellTherapyCenter.Web.Features.Fhir.Resources;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Infrastructure;
using Hl7.Fhir.Model;

namespace CellTherapyCenter.Web.Features.Fhir.Read;

/// <summary>
/// <c>GET /fhir/{Type}/{id}</c> for every clinical type of <see cref="FhirSources"/> (Patient has its
/// own, <c>Patients/PatientResource</c>): the scope check, a read line naming the patient and the
/// resource, 404 (audited) for an id that is unknown, voided or of a patient whose erasure request
/// restricts processing. The answer carries the version as ETag.
/// </summary>
public static class ReadEndpoints
{
    public static RouteGroupBuilder MapFhirReads(this RouteGroupBuilder fhir)
    {
        foreach (var type in FhirSources.ClinicalTypes)
            fhir.MapGet($"/{type}/{{id}}", (string id, HttpContext http, RegistryDbContext db, RegistryToFhir map, FhirCanonicals canonicals, PatientReadAudit read, AuditLog audit) =>
                    ReadAsync(type, id, http, db, map, canonicals, read, audit))
                .WithMetadata(new FhirScopeAttribute(type, SmartPermissions.Read))
                .ReadsPatientData(type, "FHIR read");
        return fhir;
    }

    public static FhirReadContext Context(HttpContext http, RegistryDbContext db, RegistryToFhir map)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new(db, map, StaffPolicies.Grants(http.User, StaffPolicies.ViewIdentified), SmartSetup.BaseUri(http), http.RequestAborted);
    }

    /// <summary>The ETag of a resource: its version id, weak (the JSON is made anew each time).</summary>
    public static string ETag(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return $"W/\"{resource.Meta?.VersionId}\"";
    }

    private static async Task<IResult> ReadAsync(string type, string id, HttpContext http, RegistryDbContext db, RegistryToFhir map,
        FhirCanonicals canonicals, PatientReadAudit read, AuditLog audit)
    {
        var context = Context(http, db, map);
        SourceHit? hit = null;
        foreach (var source in FhirSources.Of(canonicals, type))
            if (source.TryRecordId(id, out var recordId))
            {
                hit = await source.FindAsync(context, recordId);
                break;
            }
        if (hit is null) return await NotFoundAsync(http, audit, type);
        read.Read(hit.PatientId, $"{type}/{hit.Resource.Id}");
        http.Response.Headers.ETag = ETag(hit.Resource);
        return FhirResults.Resource(hit.Resource);
    }

    /// <summary>404 with an OperationOutcome, audited as a refusal (the path names what was asked for, never a patient's data).</summary>
    public static async Task<IResult> NotFoundAsync(HttpContext http, AuditLog audit, string type, string what = "resource")
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(audit);
        await audit.WriteAsync(FhirAuditActions.Refused, "Fhir", FhirClientAccess.AuditPath(http), null, $"404 no such {type} {what}", http.RequestAborted);
        return FhirResults.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"No {type} with this id.");
    }
}
