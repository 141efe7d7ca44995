using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.FollowUp;

public enum WorklistView
{
    /// <summary>Window open today, or closed without the item done.</summary>
    [Display(Name = "Due or overdue")]
    DueOrOverdue = 0,
    Due = 1,
    Overdue = 2,
    /// <summary>Window opens within the chosen number of days.</summary>
    Upcoming = 3,
}

/// <summary>
/// The staff worklist: open follow-up items that are due or overdue (or coming up), decline
/// alerts not yet acknowledged, and repeat courses recommended and due. Each view is audited
/// with the patients it showed.
/// </summary>
[Authorize(Policy = StaffPolicies.EditRegistry)]
[ReadsPatientData(nameof(FollowUpItem))]
public sealed class WorklistModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock, IOptions<FollowUpOptions> options) : PageModel
{
    /// <summary>How far ahead a recommended repeat course shows as due.</summary>
    public const int RepeatCourseLeadDays = 60;
    private const int MaxRows = 500;

    [BindProperty(SupportsGet = true)] public WorklistView View { get; set; }
    [BindProperty(SupportsGet = true)] public FollowUpKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? WithinDays { get; set; }
    /// <summary>Overdue items whose window closed at most this many days ago (default 90): older ones are history to resolve on the patient's page, not a daily task.</summary>
    [BindProperty(SupportsGet = true)] public int? OverdueDays { get; set; }

    public sealed record Row(Guid ItemId, Guid PatientId, string Patient, int CourseNumber, FollowUpKind Kind, string Label,
        DateOnly Target, DateOnly WindowStart, DateOnly WindowEnd, string State, DateTime? ReminderQueuedAt, bool OptedOut);

    public sealed record AlertRow(Guid Id, Guid PatientId, string Patient, DateOnly AssessedOn, string Reason, Guid Stamp);

    public sealed record RepeatRow(Guid PatientId, string Patient, DateOnly Target, string? Note, string? By);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<AlertRow> Alerts { get; private set; } = [];
    public IReadOnlyList<RepeatRow> RepeatCourses { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool Truncated { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = FollowUpSchedule.ClinicToday(clock, options.Value);
        var within = Math.Clamp(WithinDays ?? 14, 0, 365);
        var today = Today;
        var horizon = today.AddDays(within);
        var overdueDays = Math.Clamp(OverdueDays ?? 90, 0, 3650);
        var closedFrom = today.AddDays(-overdueDays);
        // A window that closed on or after closedFrom started at most the longest window before it:
        // a lower bound on the indexed column, so the scan does not read every open item ever planned.
        var startedFrom = closedFrom.AddDays(-options.Value.LongestWindowDays);
        var items = db.FollowUpItems.AsNoTracking().Where(i => i.Status == FollowUpStatus.Open && i.VoidedAt == null);
        items = View switch
        {
            WorklistView.Due => items.Where(i => i.WindowStart <= today && i.WindowEnd >= today),
            WorklistView.Overdue => items.Where(i => i.WindowStart >= startedFrom && i.WindowEnd < today && i.WindowEnd >= closedFrom),
            WorklistView.Upcoming => items.Where(i => i.WindowStart > today && i.WindowStart <= horizon),
            _ => items.Where(i => i.WindowStart >= startedFrom && i.WindowStart <= today && i.WindowEnd >= closedFrom),
        };
        if (Kind is { } kind) items = items.Where(i => i.Kind == kind);
        var found = await (
                from i in items
                join p in db.Patients on i.PatientId equals p.Id
                join c in db.TreatmentCourses on i.TreatmentCourseId equals c.Id
                where p.VoidedAt == null && p.VitalState == VitalState.Alive
                orderby i.WindowStart, i.TargetDate, p.FamilyName
                select new
                {
                    i.Id, i.PatientId, p.FamilyName, p.GivenName, c.Number, i.Kind, i.Label, i.TargetDate, i.WindowStart, i.WindowEnd,
                    Reminded = db.FollowUpReminders.Where(r => r.FollowUpItemId == i.Id).Select(r => (DateTime?)r.QueuedAt).FirstOrDefault(),
                    OptedOut = db.PatientFollowUps.Any(f => f.PatientId == i.PatientId && f.VoidedAt == null && f.RemindersOptedOutAt != null),
                })
            .Take(MaxRows + 1).ToListAsync(ct);
        Truncated = found.Count > MaxRows;
        Rows = found.Take(MaxRows).Select(r => new Row(r.Id, r.PatientId, $"{r.FamilyName}, {r.GivenName}", r.Number, r.Kind, r.Label,
            r.TargetDate, r.WindowStart, r.WindowEnd, State(r.WindowStart, r.WindowEnd, today), r.Reminded, r.OptedOut)).ToList();

        Alerts = await (
                from a in db.FollowUpAlerts.AsNoTracking()
                join p in db.Patients on a.PatientId equals p.Id
                where a.VoidedAt == null && a.AcknowledgedAt == null
                orderby a.AssessedOn
                select new AlertRow(a.Id, a.PatientId, p.FamilyName + ", " + p.GivenName, a.AssessedOn, a.Reason, a.ConcurrencyStamp))
            .Take(MaxRows).ToListAsync(ct);

        var repeatBy = today.AddDays(RepeatCourseLeadDays);
        RepeatCourses = await (
                from f in db.PatientFollowUps.AsNoTracking()
                join p in db.Patients on f.PatientId equals p.Id
                where f.VoidedAt == null && f.RepeatCourseTargetDate != null && f.RepeatCourseTargetDate <= repeatBy
                      && p.VoidedAt == null && p.VitalState == VitalState.Alive
                orderby f.RepeatCourseTargetDate
                select new RepeatRow(p.Id, p.FamilyName + ", " + p.GivenName, f.RepeatCourseTargetDate!.Value, f.RepeatCourseNote, f.RepeatCourseRecommendedBy))
            .Take(MaxRows).ToListAsync(ct);

        var shown = Rows.Select(r => r.PatientId).Concat(Alerts.Select(a => a.PatientId)).Concat(RepeatCourses.Select(r => r.PatientId)).Distinct();
        audit.List(shown, $"view={View};kind={Kind};within={within};overdue={overdueDays}");
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid alertId, Guid stamp, CancellationToken ct)
    {
        var alert = await db.FollowUpAlerts.FirstOrDefaultAsync(a => a.Id == alertId && a.VoidedAt == null, ct);
        if (alert is null) return NotFound();
        if (alert.AcknowledgedAt is null)
        {
            db.Entry(alert).Property(a => a.ConcurrencyStamp).OriginalValue = stamp;
            alert.AcknowledgedAt = clock.GetUtcNow().UtcDateTime;
            alert.AcknowledgedBy = User.Identity?.Name;
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { /* acknowledged by someone else meanwhile: the list shows the outcome */ }
        }
        return RedirectToPage(new { View, Kind, WithinDays, OverdueDays });
    }

    public static string State(DateOnly windowStart, DateOnly windowEnd, DateOnly today) =>
        windowEnd < today ? "Overdue" : windowStart <= today ? "Due" : "Upcoming";
}
