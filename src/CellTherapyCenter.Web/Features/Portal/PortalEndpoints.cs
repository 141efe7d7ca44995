using System.Globalization;
using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.Analytics.Plots;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.Portal;

/// <summary>The portal's files: the trajectory picture, the patient's own answers as CSV, and the PDF report (Report/).</summary>
internal static class PortalEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/portal").RequireAuthorization(PortalAccess.Policy);
        portal.MapGet("/trajectory.png", TrajectoryAsync).WithName(EndpointNames.PortalTrajectoryPlot).ReadsPatientData("Portal", "portal trajectory plot");
        portal.MapGet("/documents/alsfrs-r.csv", AnswersCsvAsync).WithName(EndpointNames.PortalAnswersCsv).ReadsPatientData("Portal", "portal ALSFRS-R download");
        Report.PortalReport.Map(portal);
    }

    private static async Task<IResult> TrajectoryAsync(PortalSession session, RegistryDbContext db, PatientReadAudit audit,
        IStringLocalizer<PortalText> text, IStringLocalizer<PlotText> plot, CancellationToken ct)
    {
        if (await session.AccountAsync(ct) is not { } account) return TypedResults.Forbid();
        var assessments = await db.AlsfrsRAssessments.AsNoTracking()
            .Where(a => a.PatientId == account.PatientId && a.VoidedAt == null).OrderBy(a => a.AssessedOn).ToListAsync(ct);
        var courses = await db.TreatmentCourses.AsNoTracking()
            .Where(c => c.PatientId == account.PatientId && c.VoidedAt == null).Select(c => c.StartDate).ToListAsync(ct);
        audit.Read(account.PatientId);
        return TypedResults.File(Picture(assessments, courses, plot, text), "image/png");
    }

    /// <summary>The trajectory picture in the current UI culture's words and the current culture's dates (the portal's PNG and the PDF report's picture).</summary>
    internal static byte[] Picture(IReadOnlyList<Data.Assessments.AlsfrsRAssessment> assessments, IReadOnlyList<DateOnly> courses,
        IStringLocalizer<PlotText> plot, IStringLocalizer<PortalText> text) =>
        TrajectoryPlot.Render(assessments, courses, plot.Words(), CultureInfo.CurrentCulture, text["Plot.Empty"]);

    private static async Task<IResult> AnswersCsvAsync(PortalSession session, RegistryDbContext db, PatientReadAudit audit, CancellationToken ct)
    {
        if (await session.AccountAsync(ct) is not { } account) return TypedResults.Forbid();
        var rows = await db.AlsfrsRAssessments.AsNoTracking()
            .Where(a => a.PatientId == account.PatientId && a.VoidedAt == null).OrderBy(a => a.AssessedOn)
            .Select(a => new
            {
                Date = a.AssessedOn, a.Rater, a.Mode, a.Responses.Speech, a.Responses.Salivation, a.Responses.Swallowing,
                a.Responses.Handwriting, a.Responses.CuttingFood, Item5 = a.Responses.CuttingFoodVersion, a.Responses.DressingHygiene,
                a.Responses.TurningInBed, a.Responses.Walking, a.Responses.ClimbingStairs, a.Responses.Dyspnea, a.Responses.Orthopnea,
                a.Responses.RespiratoryInsufficiency, a.Total, a.Bulbar, a.FineMotor, a.GrossMotor, a.Respiratory,
            })
            .ToListAsync(ct);
        audit.Read(account.PatientId);
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.Context.TypeConverterOptionsCache.GetOptions<DateOnly>().Formats = ["yyyy-MM-dd"];
            await csv.WriteRecordsAsync(rows, ct);
        }
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(writer.ToString()), "text/csv; charset=utf-8", "my-alsfrs-r.csv");
    }
}
