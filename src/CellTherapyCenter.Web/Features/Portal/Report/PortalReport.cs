using System.Globalization;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Features.Patients.Summary;
using CellTherapyCenter.Web.Features.Portal.SelfReport;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CellTherapyCenter.Web.Features.Portal.Report;

/// <summary>
/// <c>GET /portal/report.pdf</c>: the patient's own report to take to their neurologist, in the
/// page's language (the font embeds Cyrillic and Latin with diacritics, <see cref="PdfFonts"/>): the
/// trajectory picture (the portal's own, <see cref="TrajectoryPlot"/>), every ALSFRS-R score, the
/// courses and the next appointments. Audited as a read of the patient's data; never cached.
/// </summary>
internal static class PortalReport
{
    public static void Map(RouteGroupBuilder portal) =>
        portal.MapGet("/report.pdf", ReportAsync).WithName(EndpointNames.PortalReportPdf).ReadsPatientData("Portal", "portal PDF report");

    private static async Task<IResult> ReportAsync(PortalSession session, RegistryDbContext db, PatientReadAudit audit, HttpContext http,
        IStringLocalizer<PortalText> portal, IStringLocalizer<ReportText> text, IOptions<ClinicOptions> clinic, PortalQuestionnaires questionnaires,
        TimeProvider clock, IStringLocalizer<Analytics.Plots.PlotText> plot, CancellationToken ct)
    {
        if (await session.AccountAsync(ct) is not { } account) return TypedResults.Forbid();
        var patientId = account.PatientId;
        var name = await db.Patients.Where(p => p.Id == patientId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var assessments = await db.AlsfrsRAssessments.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.VoidedAt == null).OrderBy(a => a.AssessedOn).ToListAsync(ct);
        var courses = await db.TreatmentCourses.AsNoTracking().Where(c => c.PatientId == patientId && c.VoidedAt == null)
            .OrderBy(c => c.StartDate).Select(c => c.StartDate).ToListAsync(ct);
        var appointments = await Records.Appointments.NextAsync(db, patientId, questionnaires.Today, ct);
        audit.Read(patientId);

        var picture = PortalEndpoints.Picture(assessments, courses, plot, portal);
        var pdf = Render(new(name, assessments, courses, appointments, picture, clinic.Value, clock.GetUtcNow()), portal, text);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(pdf, "application/pdf", FileName(clock.GetUtcNow()));
    }

    /// <summary>The download's name, e.g. <c>alsfrs-r-report-2026-12-07.pdf</c> (no name of the patient in it).</summary>
    public static string FileName(DateTimeOffset printedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"alsfrs-r-report-{printedAt.UtcDateTime:yyyy-MM-dd}.pdf");

    internal sealed record Content(string Name, IReadOnlyList<AlsfrsRAssessment> Assessments, IReadOnlyList<DateOnly> Courses,
        IReadOnlyList<FollowUpItem> Appointments, byte[] Picture, ClinicOptions Clinic, DateTimeOffset PrintedAt);

    /// <summary>Draws the report in the current UI culture's words and the current culture's dates and numbers.</summary>
    internal static byte[] Render(Content c, IStringLocalizer<PortalText> portal, IStringLocalizer<ReportText> text)
    {
        PdfFonts.Ensure();
        using var document = new PdfDocument();
        document.Info.Title = text["Report.Title"];
        document.Info.Creator = c.Clinic.Name;
        using var flow = new PdfFlow(document);
        flow.Line(text["Report.Title"], flow.Title);
        flow.Line(text["Report.For", c.Name, c.PrintedAt.UtcDateTime.ToString("D", CultureInfo.CurrentCulture)], flow.Body);
        flow.Space(8);
        flow.Line(text["Report.About"], flow.Small);
        flow.Space(6);

        if (c.Assessments.Count > 0) flow.Image(c.Picture, text["Report.PictureCaption"]);
        flow.SectionHeading(text["Report.Scores"]);
        if (c.Assessments.Count == 0) flow.Line(portal["Trajectory.None"], flow.Body);
        else
        {
            var columns = new PdfFlow.Column[]
            {
                new(portal["Trajectory.Date"], 78), new(portal["Trajectory.Total"], 62, true), new(portal["Domain.Bulbar"], 70, true),
                new(portal["Domain.FineMotor"], 52, true), new(portal["Domain.GrossMotor"], 70, true), new(portal["Domain.Respiratory"], 62, true),
                new(portal["Trajectory.Who"], PdfFlow.ContentWidth - 394),
            };
            var rows = c.Assessments.Select(a => (IReadOnlyList<string>)
            [
                a.AssessedOn.ToString("d", CultureInfo.CurrentCulture), a.Total is { } t ? Number(t) : portal["Trajectory.Incomplete"],
                Number(a.Bulbar), Number(a.FineMotor), Number(a.GrossMotor), Number(a.Respiratory), Rater(a.Rater, portal),
            ]).ToList();
            flow.Table(portal["Trajectory.TableCaption"], columns, rows);
        }

        flow.SectionHeading(portal["Trajectory.Courses"]);
        if (c.Courses.Count == 0) flow.Line(portal["Trajectory.NoCourses"], flow.Body);
        for (var i = 0; i < c.Courses.Count; i++)
            flow.Line(portal["Trajectory.Course", i + 1, c.Courses[i].ToString("D", CultureInfo.CurrentCulture)], flow.Body);

        flow.SectionHeading(portal["Home.Appointments"]);
        if (c.Appointments.Count == 0) flow.Line(portal["Home.NoAppointments"], flow.Body);
        foreach (var visit in c.Appointments)
            flow.Line(portal["Home.Appointment", visit.Slot == 0 ? portal["Visit.Baseline"] : portal["Visit.AfterMonths", visit.Slot],
                visit.WindowStart.ToString("D", CultureInfo.CurrentCulture), visit.WindowEnd.ToString("D", CultureInfo.CurrentCulture)], flow.Body);

        return flow.Finish((gfx, page, pages) =>
        {
            var footer = text["Report.Footer", c.Clinic.Name, c.Clinic.Phone, page, pages];
            gfx.DrawString(footer, flow.Small, XBrushes.Black,
                new XRect(PdfFlow.Left, PdfFlow.PageHeight - PdfFlow.Bottom + 24, PdfFlow.ContentWidth, 12), XStringFormats.TopLeft);
        });
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.CurrentCulture) ?? "";

    private static string Rater(AssessmentRater rater, IStringLocalizer<PortalText> portal) => rater switch
    {
        AssessmentRater.Patient => portal["Rater.Patient"],
        AssessmentRater.Caregiver => portal["Rater.Caregiver"],
        _ => portal["Rater.Clinician"],
    };
}
