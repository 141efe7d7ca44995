using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Privacy;

/// <summary>
/// <c>GET /staff/patients/{id}/export.zip</c>: every record of the patient, their documents and the
/// PDF summary (<see cref="PatientExport"/>), for the roles that may see the whole identified chart;
/// audited as an export naming the patient, committed before the file is sent; never cached.
/// </summary>
public static class PatientExportEndpoint
{
    public static IEndpointRouteBuilder MapPatientExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/patients/{id:guid}/export.zip", ExportAsync).RequireAuthorization(StaffPolicies.ViewIdentified)
            .WithName(EndpointNames.PatientExportZip).ReadsPatientData(nameof(Patient), "export of all records (ZIP)");
        return app;
    }

    private static async Task<IResult> ExportAsync(Guid id, RegistryDbContext db, PatientReadAudit audit, HttpContext http,
        TimeProvider clock, IOptions<ClinicOptions> clinic, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var zip = await PatientExport.BuildAsync(db, id, ExportAudience.Staff, clinic.Value, at, ct);
        if (zip is null) return TypedResults.NotFound();
        var pseudonym = await PatientExport.PseudonymAsync(db, id, ct);
        audit.Exported(id);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(zip, "application/zip", PatientExport.FileName(pseudonym, at));
    }
}
