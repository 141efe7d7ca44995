using CellTherapyCenter.Web.Features.Fhir.Conformance;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Features.Fhir.Writes;
using CellTherapyCenter.Web.Infrastructure;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Features.Fhir.Metadata;

/// <summary>
/// <c>GET /fhir/metadata</c>: the server's CapabilityStatement, anonymous. It states only what this
/// server does today (read of Patient) and how to get a token (SMART's oauth-uris extension); each
/// new interaction is added here when its endpoint exists.
/// </summary>
public static class MetadataEndpoint
{
    public const string OAuthUris = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

    public static RouteGroupBuilder MapFhirMetadata(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/metadata", (HttpContext http, FhirCanonicals canonicals) => FhirResults.Resource(FhirWriteCapabilities.Add(Capabilities(SmartSetup.BaseUri(http)), canonicals)))
            .AllowAnonymous().NoPatientData();
        return fhir;
    }

    public static CapabilityStatement Capabilities(string baseUri) => new()
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
        Instantiates = [Export.BulkExportCapabilities.CapabilityStatementUrl],
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
                Operation = [Export.BulkExportCapabilities.SystemExport],
                Resource =
                [
                    new CapabilityStatement.ResourceComponent
                    {
                        Type = "Patient",
                        Profile = "http://hl7.org/fhir/StructureDefinition/Patient",
                        Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
                        Operation = [Export.BulkExportCapabilities.PatientExport],
                    },
                    Export.BulkExportCapabilities.Group,
                ],
            },
        ],
    };
}
