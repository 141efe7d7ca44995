using CellTherapyCenter.Web.Features.Fhir.Conformance;
using CellTherapyCenter.Web.Features.Fhir.Export;
using CellTherapyCenter.Web.Features.Fhir.Read;
using CellTherapyCenter.Web.Features.Fhir.Search;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Features.Fhir.Writes;
using CellTherapyCenter.Web.Infrastructure;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Features.Fhir.Metadata;

/// <summary>
/// <c>GET /fhir/metadata</c>: the server's CapabilityStatement, anonymous. It states only what this
/// server does today and how to get a token (SMART's oauth-uris extension): for every type of
/// <see cref="FhirSources"/> read, vread, history-instance and search-type with the search
/// parameters and _include values the search takes (made from the same table, so they cannot
/// drift apart); each new interaction is added here when its endpoint exists.
/// </summary>
public static class MetadataEndpoint
{
    public const string OAuthUris = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

    public static RouteGroupBuilder MapFhirMetadata(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/metadata", (HttpContext http, FhirCanonicals canonicals) => FhirResults.Resource(Capabilities(SmartSetup.BaseUri(http), canonicals)))
            .AllowAnonymous().NoPatientData();
        return fhir;
    }

    public static CapabilityStatement Capabilities(string baseUri, FhirCanonicals canonicals) => FhirWriteCapabilities.Add(new()
    {
        Status = PublicationStatus.Active,
        Date = "2026-12-07",
        Kind = CapabilityStatementKind.Instance,
        Software = new CapabilityStatement.SoftwareComponent { Name = "CellTherapyCenter" },
        Implementation = new CapabilityStatement.ImplementationComponent
        {
            Description = "The clinic's ALS registry: FHIR R4 API for backend systems (SMART Backend Services)",
            Url = baseUri + "/fhir",
        },
        FhirVersion = FHIRVersion.N4_0_1,
        // Bulk Data Access IG 2.0: the system, Patient and Group level $export (Features/Fhir/Export).
        Instantiates = [BulkExportCapabilities.CapabilityStatementUrl],
        Format = [FhirResults.ContentType],
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Security = new CapabilityStatement.SecurityComponent
                {
                    Service = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR")],
                    Description = "SMART Backend Services: the client credentials grant with a client assertion signed RS384 or ES384; system scopes.",
                    Extension =
                    [
                        new Extension { Url = OAuthUris, Extension = [new Extension("token", new FhirUri(baseUri + SmartSetup.TokenPath))] },
                    ],
                },
                Operation = [BulkExportCapabilities.SystemExport],
                Resource = [.. FhirSources.AllTypes.Select(type => Resource(type, canonicals)), BulkExportCapabilities.Group, .. ConformanceEndpoints.Capabilities()],
            },
        ],
    }, canonicals);

    private static CapabilityStatement.ResourceComponent Resource(string type, FhirCanonicals canonicals)
    {
        var sources = FhirSources.Of(canonicals, type);
        var resource = new CapabilityStatement.ResourceComponent
        {
            Type = type,
            Profile = "http://hl7.org/fhir/StructureDefinition/" + type,
            Interaction =
            [
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Vread },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.HistoryInstance },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
            ],
            Versioning = CapabilityStatement.ResourceVersionPolicy.Versioned,
            ReadHistory = true,
            SearchInclude = SearchQuery.Includes(type),
            SearchParam = SearchQuery.Parameters(type, sources).Select(p => new CapabilityStatement.SearchParamComponent
            {
                Name = p.Name,
                Type = Enum.Parse<SearchParamType>(p.Type, ignoreCase: true),
            }).ToList(),
        };
        if (type == "Observation") resource.SupportedProfile = [canonicals.AlsfrsRObservationProfile];
        if (type == "Procedure") resource.SupportedProfile = [canonicals.TransplantationProcedureProfile];
        if (type == "Patient") resource.Operation = [BulkExportCapabilities.PatientExport];
        return resource;
    }
}
