using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.Privacy;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Portal.Privacy;

/// <summary>
/// <c>GET /portal/my-data.zip</c>: "download my data" for the signed-in patient, or the caregiver
/// of the patient their account belongs to: the patient's records and self-reports as JSON, their
/// documents and the PDF summary (<see cref="PatientExport"/>, without staff members' names).
/// The patient comes from the account, never from the request; the download is audited as an export.
/// </summary>
public static class MyDataEndpoint
{
    public static IEndpointRouteBuilder MapMyData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/portal/my-data.zip", DownloadAsync).RequireAuthorization(PortalAccess.Policy)
            .WithName(EndpointNames.PortalMyDataZip).ReadsPatientData("Portal", "portal download of my data (ZIP)");
        return app;
    }

    private static async Task<IResult> DownloadAsync(PortalSession session, RegistryDbContext db, PatientReadAudit audit, HttpContext http,
        TimeProvider clock, IOptions<ClinicOptions> clinic, CancellationToken ct)
    {
        if (await session.AccountAsync(ct) is not { } account) return TypedResults.Forbid();
        var at = clock.GetUtcNow();
        var zip = await PatientExport.BuildAsync(db, account.PatientId, ExportAudience.Portal, clinic.Value, at, ct);
        if (zip is null) return TypedResults.NotFound();
        audit.Exported(account.PatientId);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(zip, "application/zip", "my-data-" + at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ".zip");
    }
}
