using CellTherapyCenter.Web.Features.Fhir.Conformance;
using CellTherapyCenter.Web.Features.Fhir.Export;
using CellTherapyCenter.Web.Features.Fhir.History;
using CellTherapyCenter.Web.Features.Fhir.Metadata;
using CellTherapyCenter.Web.Features.Fhir.Patients;
using CellTherapyCenter.Web.Features.Fhir.Read;
using CellTherapyCenter.Web.Features.Fhir.Search;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Features.Fhir.Writes;

namespace CellTherapyCenter.Web.Features.Fhir;

/// <summary>The /fhir route group: anonymous metadata and token endpoints, and resources behind <see cref="FhirClientAccess"/>.</summary>
public static class FhirEndpoints
{
    public static WebApplication MapFhir(this WebApplication app)
    {
        var fhir = app.MapGroup("/fhir");
        fhir.MapFhirSmart();
        fhir.MapFhirMetadata();
        // Resources: the staff cookie is not a credential here; FhirClientAccess authenticates the client's token.
        var resources = fhir.MapGroup("").AllowAnonymous().AddEndpointFilter<FhirClientAccess>();
        resources.MapFhirPatients();
        resources.MapFhirBulkExport();
        resources.MapFhirWrites();
        resources.MapFhirReads();
        resources.MapFhirSearches();
        resources.MapFhirHistory();
        resources.MapFhirConformance();
        return app;
    }
}
