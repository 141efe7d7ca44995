using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Patients;

public static class PatientFeatures
{
    public static IServiceCollection AddPatientFeatures(this IServiceCollection services) =>
        services.AddMemoryCache().AddSingleton<PatientListCounts>();

    public static IEndpointRouteBuilder MapPatientEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/patients/{id:guid}/trajectory.png", TrajectoryAsync).RequireAuthorization(StaffPolicies.Staff)
            .WithName(EndpointNames.PatientTrajectoryPlot).ReadsPatientData(nameof(AlsfrsRAssessment), "trajectory plot");
        return app;
    }

    private static async Task<IResult> TrajectoryAsync(Guid id, RegistryDbContext db, PatientReadAudit audit, HttpContext http, CancellationToken ct)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == id, ct)) return TypedResults.NotFound();
        var assessments = await ChartData.AssessmentsAsync(db, id, ct);
        var courses = await db.TreatmentCourses.Where(c => c.PatientId == id && c.VoidedAt == null).Select(c => c.StartDate).ToListAsync(ct);
        audit.Read(id);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(TrajectoryPlot.Render(assessments, courses), "image/png");
    }
}
