using CellTherapyCenter.Data;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.FollowUp;

/// <summary>
/// A patient's follow-up: the schedule of every course, the reminder opt-out (registry staff) and
/// the repeat-course recommendation (physicians: a clinical judgement, hence EditClinical).
/// </summary>
[Authorize(Policy = StaffPolicies.EditRegistry)]
[ReadsPatientData(nameof(FollowUpItem), "follow-up schedule")]
public sealed class PatientFollowUpPageModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock,
    IAuthorizationService authorization, IOptions<FollowUpOptions> options) : PageModel
{
    public sealed record ItemRow(Guid Id, int CourseNumber, string Label, FollowUpKind Kind, DateOnly Target, DateOnly WindowStart, DateOnly WindowEnd,
        FollowUpStatus Status, DateOnly? CompletedOn, string? Note, DateTime? ReminderQueuedAt);

    [BindProperty] public bool OptOut { get; set; }
    [BindProperty] public DateOnly? RepeatCourseTargetDate { get; set; }
    [TextLimit(FieldLengths.Reason)]
    [BindProperty] public string? RepeatCourseNote { get; set; }
    [BindProperty] public Guid ConcurrencyStamp { get; set; }
    public PatientIdentityView Patient { get; private set; } = null!;
    public PatientFollowUp? Settings { get; private set; }
    public IReadOnlyList<ItemRow> Items { get; private set; } = [];
    public bool CanRecommend { get; private set; }
    public DateOnly Today { get; private set; }
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        audit.Read(id);
        return Page();
    }

    public async Task<IActionResult> OnPostRemindersAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, track: true) is { } missing) return missing;
        var settings = Tracked(id);
        settings.RemindersOptedOutAt = OptOut ? settings.RemindersOptedOutAt ?? clock.GetUtcNow().UtcDateTime : null;
        return await SaveAsync(id, ct);
    }

    public async Task<IActionResult> OnPostRepeatCourseAsync(Guid id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, StaffPolicies.EditClinical)).Succeeded) return Forbid();
        var target = RepeatCourseTargetDate;
        var note = RepeatCourseNote;
        if (await LoadAsync(id, ct, track: true) is { } missing) return missing;
        ModelState.Clear();
        if (target is { } t && (t < Today.AddYears(-1) || t > Today.AddYears(5)))
            ModelState.AddModelError(nameof(RepeatCourseTargetDate), "Give a target date within five years from today.");
        if (note?.Trim().Length > FollowUpItemConfiguration.ReasonLength) ModelState.AddModelError(nameof(RepeatCourseNote), "Keep the note under 500 characters.");
        if (!ModelState.IsValid) { RepeatCourseTargetDate = target; RepeatCourseNote = note; return Page(); }
        var settings = Tracked(id);
        // An empty date withdraws the recommendation.
        settings.RepeatCourseTargetDate = target;
        settings.RepeatCourseNote = target is null || string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        settings.RepeatCourseRecommendedBy = target is null ? null : User.Identity?.Name;
        return await SaveAsync(id, ct);
    }

    private PatientFollowUp Tracked(Guid id)
    {
        if (Settings is null)
        {
            Settings = new PatientFollowUp { PatientId = id };
            db.PatientFollowUps.Add(Settings);
        }
        else db.Entry(Settings).Property(s => s.ConcurrencyStamp).OriginalValue = ConcurrencyStamp;
        return Settings;
    }

    private async Task<IActionResult> SaveAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return RedirectToPage("/FollowUp/PatientFollowUpPage", new { id });
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException or DbUpdateException)
        {
            // A stale form, or a second first-time save racing on the unique patient index.
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            ModelState.Clear();
            Conflict = FormConventions.ConcurrencyConflict;
            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct, bool track = false)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null) return NotFound();
        Patient = PatientIdentityView.For(User, patient);
        Today = FollowUpSchedule.ClinicToday(clock, options.Value);
        CanRecommend = (await authorization.AuthorizeAsync(User, StaffPolicies.EditClinical)).Succeeded;
        var settings = track ? db.PatientFollowUps : db.PatientFollowUps.AsNoTracking();
        Settings = await settings.FirstOrDefaultAsync(f => f.PatientId == id && f.VoidedAt == null, ct);
        if (!track)
        {
            OptOut = Settings?.RemindersOptedOutAt is not null;
            RepeatCourseTargetDate = Settings?.RepeatCourseTargetDate;
            RepeatCourseNote = Settings?.RepeatCourseNote;
            ConcurrencyStamp = Settings?.ConcurrencyStamp ?? Guid.Empty;
        }
        Items = await (
                from i in db.FollowUpItems.AsNoTracking()
                join c in db.TreatmentCourses on i.TreatmentCourseId equals c.Id
                where i.PatientId == id && i.VoidedAt == null
                orderby c.Number, i.TargetDate, i.Kind
                select new ItemRow(i.Id, c.Number, i.Label, i.Kind, i.TargetDate, i.WindowStart, i.WindowEnd, i.Status, i.CompletedOn,
                    i.MissedReason ?? i.RescheduleReason,
                    db.FollowUpReminders.Where(r => r.FollowUpItemId == i.Id).Select(r => (DateTime?)r.QueuedAt).FirstOrDefault()))
            .ToListAsync(ct);
        return null;
    }
}
