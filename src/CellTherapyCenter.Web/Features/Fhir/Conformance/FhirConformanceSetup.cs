using CellTherapyCenter.Web.Features.Fhir.Resources;

namespace CellTherapyCenter.Web.Features.Fhir.Conformance;

public static class FhirConformanceSetup
{
    /// <summary>The canonical base, the offline validator (one for the app), the definitions the API serves and the mappings both ways.</summary>
    public static IServiceCollection AddFhirConformance(this IServiceCollection services, IConfiguration configuration)
    {
        var canonicals = FhirCanonicals.From(configuration);
        services.AddSingleton(canonicals);
        services.AddSingleton<FhirValidator>();
        services.AddSingleton<ServedDefinitions>();
        services.AddSingleton<RegistryToFhir>();
        services.AddSingleton<FhirToAlsfrsR>();
        return services;
    }
}
