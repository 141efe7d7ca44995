namespace CellTherapyCenter.Web.Features.Patients;

public static class PatientFeatures
{
    public static IServiceCollection AddPatientFeatures(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapPatientEndpoints(this IEndpointRouteBuilder app) => app;
}
