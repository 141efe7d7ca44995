using System.Globalization;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.History;
using CellTherapyCenter.Web.Features.Fhir.Conformance;
using CellTherapyCenter.Web.Features.Fhir.Read;
using CellTherapyCenter.Web.Features.Fhir.Resources;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Fhir.History;

/// <summary>
/// <c>GET /fhir/{Type}/{id}/_history/{vid}</c> (vread) and <c>GET /fhir/{Type}/{id}/_history</c>
/// (a history Bundle, newest first). The current version is the record; past versions come from
/// <see cref="RecordVersion"/>, written by every save that replaced the record's version, and are
/// mapped as the record was then. A record that is voided now, or whose patient is not served, has
/// no history here either (404).
/// </summary>
public static class HistoryEndpoints
{
    public static RouteGroupBuilder MapFhirHistory(this RouteGroupBuilder fhir)
    {
        foreach (var type in FhirSources.AllTypes)
        {
            fhir.MapGet($"/{type}/{{id}}/_history/{{vid}}", (string id, string vid, HttpContext http, RegistryDbContext db, RegistryToFhir map, FhirCanonicals canonicals, PatientReadAudit read, AuditLog audit) =>
                    VersionAsync(type, id, vid, http, db, map, canonicals, read, audit))
                .WithMetadata(new FhirScopeAttribute(type, SmartPermissions.Read))
                .ReadsPatientData(type, "FHIR vread");
            fhir.MapGet($"/{type}/{{id}}/_history", (string id, HttpContext http, RegistryDbContext db, RegistryToFhir map, FhirCanonicals canonicals, PatientReadAudit read, AuditLog audit) =>
                    HistoryAsync(type, id, http, db, map, canonicals, read, audit))
                .WithMetadata(new FhirScopeAttribute(type, SmartPermissions.Read))
                .ReadsPatientData(type, "FHIR history");
        }
        return fhir;
    }

    private sealed record Found(FhirRecordSource Source, RegistryRecord Current, Resource CurrentResource, Guid PatientId);

    /// <summary>The record of a resource id as it is now, if it is served.</summary>
    private static async Task<Found?> CurrentAsync(string type, string id, FhirReadContext context, FhirCanonicals canonicals)
    {
        foreach (var source in FhirSources.Of(canonicals, type))
        {
            if (!source.TryRecordId(id, out var recordId)) continue;
            var hit = await source.FindAsync(context, recordId);
            if (hit is null) return null;
            var current = await source.CurrentAsync(context, recordId);
            return current is null ? null : new Found(source, current, hit.Resource, hit.PatientId);
        }
        return null;
    }

    private static async Task<IResult> VersionAsync(string type, string id, string vid, HttpContext http, RegistryDbContext db, RegistryToFhir map,
        FhirCanonicals canonicals, PatientReadAudit read, AuditLog audit)
    {
        var context = ReadEndpoints.Context(http, db, map);
        if (await CurrentAsync(type, id, context, canonicals) is not { } found) return await ReadEndpoints.NotFoundAsync(http, audit, type);
        Resource? resource = null;
        if (found.CurrentResource.Meta?.VersionId == vid) resource = found.CurrentResource;
        else if (vid.Length == 32 && Guid.TryParseExact(vid, "N", out var versionId))
        {
            var version = await db.RecordVersions.AsNoTracking()
                .Where(v => v.EntityId == found.Current.Id && v.VersionId == versionId && v.EntityType == found.Source.RecordType.Name)
                .FirstOrDefaultAsync(http.RequestAborted);
            if (version is not null) resource = await PastAsync(context, found.Source, version);
        }
        if (resource is null) return await ReadEndpoints.NotFoundAsync(http, audit, type, "version");
        read.Read(found.PatientId, $"{type}/{resource.Id}", $"FHIR vread, version {vid}");
        http.Response.Headers.ETag = ReadEndpoints.ETag(resource);
        return FhirResults.Resource(resource);
    }

    private static async Task<IResult> HistoryAsync(string type, string id, HttpContext http, RegistryDbContext db, RegistryToFhir map,
        FhirCanonicals canonicals, PatientReadAudit read, AuditLog audit)
    {
        var context = ReadEndpoints.Context(http, db, map);
        if (await CurrentAsync(type, id, context, canonicals) is not { } found) return await ReadEndpoints.NotFoundAsync(http, audit, type);
        var versions = await db.RecordVersions.AsNoTracking()
            .Where(v => v.EntityId == found.Current.Id && v.EntityType == found.Source.RecordType.Name)
            .OrderByDescending(v => v.ValidTo).ThenByDescending(v => v.Id).ToListAsync(http.RequestAborted);
        var resources = new List<Resource> { found.CurrentResource };
        foreach (var version in versions)
            // A version in which the record had no such resource (a visit without its weight then) is left out.
            if (await PastAsync(context, found.Source, version) is { } past) resources.Add(past);

        var baseUrl = $"{SmartSetup.BaseUri(http)}/fhir";
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.History,
            Total = resources.Count,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = $"{baseUrl}/{type}/{id}/_history" }],
        };
        for (var i = 0; i < resources.Count; i++)
        {
            var created = i == resources.Count - 1;
            var resource = resources[i];
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/{type}/{resource.Id}",
                Resource = resource,
                Request = new Bundle.RequestComponent { Method = created ? Bundle.HTTPVerb.POST : Bundle.HTTPVerb.PUT, Url = $"{type}/{resource.Id}" },
                Response = new Bundle.ResponseComponent
                {
                    Status = created ? "201 Created" : "200 OK",
                    Etag = ReadEndpoints.ETag(resource),
                    LastModified = resource.Meta?.LastUpdated,
                },
            });
        }
        read.Read(found.PatientId, $"{type}/{id}", $"FHIR history, {resources.Count.ToString(CultureInfo.InvariantCulture)} version(s)");
        return FhirResults.Resource(bundle);
    }

    /// <summary>A past version mapped, or null when the record had no such resource then or was voided.</summary>
    private static async Task<Resource?> PastAsync(FhirReadContext context, FhirRecordSource source, RecordVersion version)
    {
        var record = RecordHistory.Materialize(context.Db, source.RecordType, version);
        if (record.IsVoided) return null;
        return await source.MapOneAsync(context, record);
    }
}
