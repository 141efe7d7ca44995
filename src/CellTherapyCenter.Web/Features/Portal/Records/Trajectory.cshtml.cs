using System.Globalization;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Web.Features.Analytics.Plots;
using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Portal.Records;

/// <summary>
/// The patient's own ALSFRS-R over time: the picture, and the same numbers as a table for screen
/// readers and for reading exact values; courses and the next appointments beside it.
/// </summary>
public sealed class TrajectoryModel(PortalSession session, PatientReadAudit audit, RegistryDbContext db, TimeProvider clock, IOptions<FollowUpOptions> followUp,
    IStringLocalizer<PlotText> plotText)
    : PortalPageModel(session, audit)
{
    public sealed record Row(DateOnly Date, AssessmentRater Rater, int? Total, int? Bulbar, int? FineMotor, int? GrossMotor, int? Respiratory);
    public sealed record Course(int Number, DateOnly StartDate);

    public List<Row> Rows { get; private set; } = [];
    public List<Course> Courses { get; private set; } = [];
    public List<FollowUpItem> Appointments { get; private set; } = [];
    /// <summary>The plots of <see cref="Rows"/>, in the reader's language; null when nothing is recorded.</summary>
    public TrajectoryFigureView? Figure { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var patientId = Account.PatientId;
        Rows = await db.AlsfrsRAssessments.AsNoTracking().Where(a => a.PatientId == patientId && a.VoidedAt == null)
            .OrderBy(a => a.AssessedOn).ThenBy(a => a.CreatedAt)
            .Select(a => new Row(a.AssessedOn, a.Rater, a.Total, a.Bulbar, a.FineMotor, a.GrossMotor, a.Respiratory)).ToListAsync(ct);
        var starts = await db.TreatmentCourses.AsNoTracking().Where(c => c.PatientId == patientId && c.VoidedAt == null)
            .OrderBy(c => c.StartDate).Select(c => c.StartDate).ToListAsync(ct);
        Courses = starts.Select((s, i) => new Course(i + 1, s)).ToList();
        if (Rows.Count > 0)
        {
            var points = Rows.Select(r => new TrajectoryPoint(r.Date, r.Total, r.Bulbar, r.FineMotor, r.GrossMotor, r.Respiratory)).ToList();
            Figure = new(plotText.Figure(points, starts, plotText.Words(), CultureInfo.CurrentCulture), starts.Count > 0);
        }
        var today = FollowUpSchedule.ClinicToday(clock, followUp.Value);
        Appointments = await Records.Appointments.NextAsync(db, patientId, today, ct);
        AuditRead("portal trajectory");
    }
}
