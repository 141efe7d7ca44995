using System.Globalization;
using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.Fhir.Conformance;
using CellTherapyCenter.Web.Features.Fhir.Read;
using CellTherapyCenter.Web.Features.Fhir.Resources;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Infrastructure;
using Hl7.Fhir.Model;

namespace CellTherapyCenter.Web.Features.Fhir.Search;

/// <summary>
/// <c>GET /fhir/{Type}?...</c>: a searchset Bundle with the total, self and next links, in a stable
/// order (record id, which is time-ordered, then the source within the type) paged by keyset: the
/// next link carries the last entry's position (<c>_cursor</c>), so a page costs one index range
/// scan however deep it is, and walking the pages never repeats or skips an entry. One audit line
/// per search names the client (the actor), the query and the patients on the page.
/// </summary>
public static class SearchEndpoints
{
    public static RouteGroupBuilder MapFhirSearches(this RouteGroupBuilder fhir)
    {
        foreach (var type in FhirSources.AllTypes)
            fhir.MapGet($"/{type}", (HttpContext http, RegistryDbContext db, RegistryToFhir map, FhirCanonicals canonicals, PatientReadAudit read, AuditLog audit) =>
                    SearchAsync(type, http, db, map, canonicals, read, audit))
                .WithMetadata(new FhirScopeAttribute(type, SmartPermissions.Search))
                .ReadsPatientData(type, "FHIR search");
        return fhir;
    }

    private static async Task<IResult> SearchAsync(string type, HttpContext http, RegistryDbContext db, RegistryToFhir map, FhirCanonicals canonicals,
        PatientReadAudit read, AuditLog audit)
    {
        var sources = FhirSources.Of(canonicals, type);
        SearchRequest request;
        try
        {
            request = SearchQuery.Parse(type, sources, http.Request.Query);
        }
        catch (SearchParameterException refused)
        {
            await audit.WriteAsync(FhirAuditActions.Refused, "Fhir", FhirClientAccess.AuditPath(http), null, $"400 search parameter {refused.Parameter}", http.RequestAborted);
            return FhirResults.Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported, refused.Message);
        }

        var context = ReadEndpoints.Context(http, db, map);
        var total = 0;
        var hits = new List<SourceHit>();
        foreach (var source in sources)
        {
            var found = request.Count > 0 ? await source.PageAsync(context, request.Filter, request.Count + 1) : [];
            // A first page with room to spare holds every match: its length is the count, without a second query
            // (most searches of one patient's records). After a cursor, or with a full page, the count is asked for.
            total += request.Filter.After is null && request.Count > 0 && found.Count <= request.Count
                ? found.Count : await source.CountAsync(context, request.Filter);
            hits.AddRange(found);
        }
        // The sources' pages merged in the paging order; one more than asked says whether a next page exists.
        hits = hits.OrderBy(h => h.RecordId).ThenBy(h => h.Order).Take(request.Count + 1).ToList();
        var hasNext = hits.Count > request.Count;
        var page = hits.Take(request.Count).ToList();
        var patientIds = page.Select(h => h.PatientId).Distinct().ToList();

        var baseUrl = $"{SmartSetup.BaseUri(http)}/fhir";
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = total,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = Link(baseUrl, type, request.Parameters, request.Filter.After) }],
        };
        if (hasNext)
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = Link(baseUrl, type, request.Parameters, new PageCursor(page[^1].RecordId, page[^1].Order)) });
        foreach (var hit in page)
            bundle.Entry.Add(Entry(baseUrl, hit.Resource, Bundle.SearchEntryMode.Match));
        if (request.IncludePatients && patientIds.Count > 0)
            foreach (var patient in await FhirSources.Patient.FindManyAsync(context, patientIds))
                bundle.Entry.Add(Entry(baseUrl, patient.Resource, Bundle.SearchEntryMode.Include));

        read.List(patientIds, $"FHIR search {type}{Query(request.Parameters, request.Filter.After)}; {patientIds.Count.ToString(CultureInfo.InvariantCulture)} patient(s)");
        return FhirResults.Resource(bundle);
    }

    private static Bundle.EntryComponent Entry(string baseUrl, Resource resource, Bundle.SearchEntryMode mode) => new()
    {
        FullUrl = $"{baseUrl}/{resource.TypeName}/{resource.Id}",
        Resource = resource,
        Search = new Bundle.SearchComponent { Mode = mode },
    };

    private static string Link(string baseUrl, string type, IReadOnlyList<KeyValuePair<string, string>> parameters, PageCursor? cursor) =>
        $"{baseUrl}/{type}{Query(parameters, cursor)}";

    private static string Query(IReadOnlyList<KeyValuePair<string, string>> parameters, PageCursor? cursor)
    {
        var all = cursor is null ? parameters : [.. parameters, new(SearchQuery.CursorParameter, SearchQuery.Cursor(cursor))];
        return all.Count == 0 ? "" : "?" + string.Join('&', all.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }
}
