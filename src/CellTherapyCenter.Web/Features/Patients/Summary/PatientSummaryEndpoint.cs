using System.Globalization;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Patients.Summary;

/// <summary>
/// <c>GET /staff/patients/{id}/summary.pdf</c>: the patient's PDF summary, for whoever may open the
/// chart (the same policy; a researcher's shows the pseudonym only). The read is audited like the
/// chart's, in the same round trip as the chart's queries; the file is never cached.
/// </summary>
public static class PatientSummaryEndpoint
{
    public static IEndpointRouteBuilder MapPatientSummary(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/patients/{id:guid}/summary.pdf", SummaryAsync).RequireAuthorization(StaffPolicies.Staff)
            .WithName(EndpointNames.PatientSummaryPdf).ReadsPatientData(nameof(Patient), "PDF summary");
        return app;
    }

    /// <summary>The download's name: the code and the day, e.g. <c>CTC-000123-summary-2026-12-06.pdf</c>.</summary>
    public static string FileName(string pseudonym, DateTimeOffset printedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{pseudonym}-summary-{printedAt.UtcDateTime:yyyy-MM-dd}.pdf");

    private static async Task<IResult> SummaryAsync(Guid id, RegistryDbContext db, PatientReadAudit audit, HttpContext http,
        TimeProvider clock, IOptions<ClinicOptions> clinic, CancellationToken ct)
    {
        await using var auditLine = audit.ReadInBatch(id);
        var data = await ChartData.LoadAsync(db, id, auditLine, ct);
        if (data is null) return TypedResults.NotFound();
        // The picture is the chart's own (TrajectoryPlot), drawn from the same assessments as on the chart.
        var assessments = await ChartData.AssessmentsAsync(db, id, ct);
        var courseStarts = data.Courses.Where(c => c.VoidReason is null).Select(c => c.StartDate);
        var printedAt = clock.GetUtcNow();
        var summary = new PatientSummary(data, PatientIdentityView.For(http.User, data.Patient),
            TrajectoryPlot.Render(assessments, courseStarts), clinic.Value, printedAt);
        var pdf = PatientSummaryDocument.Render(summary);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(pdf, "application/pdf", FileName(data.Patient.Pseudonym, printedAt));
    }
}
