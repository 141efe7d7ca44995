using CellTherapyCenter.Web.Features.Fhir.Read;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Infrastructure;
using Hl7.Fhir.Model;

namespace CellTherapyCenter.Web.Features.Fhir.Conformance;

/// <summary>
/// <c>GET /fhir/{StructureDefinition|Questionnaire|CodeSystem|ValueSet}/{id}</c> and the search of
/// each type by <c>url</c> (or <c>_id</c>): the registry's profiles, ALSFRS-R Questionnaire,
/// CodeSystems and ValueSets as stored (<see cref="ServedDefinitions"/>). They hold no patient
/// data, so any client with a valid token may read them whatever its scopes (a client that may only
/// write ALSFRS-R Observations needs the profile it must meet); the token is still needed, as for
/// everything under /fhir but the CapabilityStatement and the SMART configuration. Not audited as
/// reads (no patient is named); refusals are, like every refusal under /fhir.
/// </summary>
public static class ConformanceEndpoints
{
    /// <summary>The search parameters each served type takes (besides _format), as the CapabilityStatement lists them.</summary>
    public static readonly IReadOnlyList<(string Name, SearchParamType Type)> SearchParameters = [("_id", SearchParamType.Token), ("url", SearchParamType.Uri)];

    public static RouteGroupBuilder MapFhirConformance(this RouteGroupBuilder fhir)
    {
        foreach (var type in ServedDefinitions.Types)
        {
            fhir.MapGet($"/{type}/{{id}}", (string id, HttpContext http, ServedDefinitions definitions, AuditLog audit) => ReadAsync(type, id, http, definitions, audit))
                .NoPatientData();
            fhir.MapGet($"/{type}", (HttpContext http, ServedDefinitions definitions, AuditLog audit) => SearchAsync(type, http, definitions, audit))
                .NoPatientData();
        }
        return fhir;
    }

    private static async Task<IResult> ReadAsync(string type, string id, HttpContext http, ServedDefinitions definitions, AuditLog audit) =>
        definitions.Find(type, id) is { } definition ? FhirResults.Resource(definition) : await ReadEndpoints.NotFoundAsync(http, audit, type);

    private static async Task<IResult> SearchAsync(string type, HttpContext http, ServedDefinitions definitions, AuditLog audit)
    {
        IReadOnlyList<Resource> matches;
        try
        {
            matches = Match(definitions.OfType(type), http.Request.Query);
        }
        catch (Search.SearchParameterException refused)
        {
            await audit.WriteAsync(FhirAuditActions.Refused, "Fhir", FhirClientAccess.AuditPath(http), null, $"400 search parameter {refused.Parameter}", http.RequestAborted);
            return FhirResults.Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported, refused.Message);
        }

        var baseUrl = $"{SmartSetup.BaseUri(http)}/fhir";
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = matches.Count,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = $"{baseUrl}/{type}{http.Request.QueryString}" }],
        };
        foreach (var definition in matches)
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/{type}/{definition.Id}",
                Resource = definition,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        return FhirResults.Resource(bundle);
    }

    /// <summary>
    /// The definitions the query selects. <c>url</c> is the canonical URL, matched exactly, optionally
    /// with <c>|version</c>; <c>_id</c> ids, comma-separated (OR). Every other parameter, a modifier, a
    /// repeated or an empty one is refused: nothing is silently ignored. There are a handful of
    /// definitions, so one page holds them all.
    /// </summary>
    public static IReadOnlyList<Resource> Match(IEnumerable<Resource> definitions, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(query);
        var matches = definitions;
        foreach (var (name, values) in query)
        {
            if (name.Contains(':', StringComparison.Ordinal))
                throw new Search.SearchParameterException(name, "modifiers are not supported.");
            if (values.Count > 1) throw new Search.SearchParameterException(name, "given more than once.");
            var value = values.ToString();
            if (value.Length == 0) throw new Search.SearchParameterException(name, "has no value.");
            switch (name)
            {
                case "_format":
                    break; // FhirErrorHandling has answered 406 already unless it asks for JSON.
                case "_id":
                    var ids = value.Split(',').ToHashSet(StringComparer.Ordinal);
                    matches = matches.Where(d => ids.Contains(d.Id!));
                    break;
                case "url":
                    var bar = value.IndexOf('|', StringComparison.Ordinal);
                    var url = bar < 0 ? value : value[..bar];
                    var version = bar < 0 ? null : value[(bar + 1)..];
                    matches = matches.Where(d => ServedDefinitions.Url(d) == url && (version is null || ServedDefinitions.Version(d) == version));
                    break;
                default:
                    throw new Search.SearchParameterException(name, $"not supported here: conformance resources are searched by {string.Join(" or ", SearchParameters.Select(p => p.Name))} only.");
            }
        }
        return matches.ToList();
    }

    /// <summary>The CapabilityStatement's entries for the served types: read and search-type with their parameters.</summary>
    public static IEnumerable<CapabilityStatement.ResourceComponent> Capabilities() => ServedDefinitions.Types.Select(type => new CapabilityStatement.ResourceComponent
    {
        Type = type,
        Profile = "http://hl7.org/fhir/StructureDefinition/" + type,
        Interaction =
        [
            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
        ],
        Versioning = CapabilityStatement.ResourceVersionPolicy.NoVersion,
        ReadHistory = false,
        SearchParam = SearchParameters.Select(p => new CapabilityStatement.SearchParamComponent { Name = p.Name, Type = p.Type }).ToList(),
        Documentation = "The registry's own definitions as stored (profiles as differentials); any client with a valid token may read them.",
    });
}
