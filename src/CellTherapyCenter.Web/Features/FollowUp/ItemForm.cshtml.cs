using CellTherapyCenter.Data;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.FollowUp;

/// <summary>
/// One follow-up item: reschedule it (new target, reason; the window moves with it and the
/// schedule's own date is kept) or record it as missed with the reason. Both are audited
/// updates of the item; nothing is deleted.
/// </summary>
[Authorize(Policy = StaffPolicies.EditRegistry)]
[ReadsPatientData(nameof(FollowUpItem))]
public sealed class ItemFormModel(RegistryDbContext db, PatientReadAudit audit) : PageModel
{
    public const int MaxMoveDays = 366;

    [BindProperty] public DateOnly? NewTargetDate { get; set; }
    [TextLimit(FieldLengths.Reason)]
    [BindProperty] public string? Reason { get; set; }
    [TextLimit(FieldLengths.Reason)]
    [BindProperty] public string? MissedReason { get; set; }
    [BindProperty] public Guid ConcurrencyStamp { get; set; }
    public FollowUpItem Item { get; private set; } = null!;
    public PatientIdentityView Patient { get; private set; } = null!;
    public int CourseNumber { get; private set; }
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid itemId, CancellationToken ct)
    {
        if (await LoadAsync(itemId, track: false, ct) is { } missing) return missing;
        ConcurrencyStamp = Item.ConcurrencyStamp;
        NewTargetDate = Item.TargetDate;
        audit.Read(Item.PatientId, Item.Id.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostRescheduleAsync(Guid itemId, CancellationToken ct)
    {
        if (await LoadAsync(itemId, track: true, ct) is { } missing) return missing;
        ModelState.Clear();
        if (Item.Status != FollowUpStatus.Open) ModelState.AddModelError(string.Empty, "Only an open item can be rescheduled.");
        if (NewTargetDate is not { } target) ModelState.AddModelError(nameof(NewTargetDate), "Enter the new target date.");
        else if (Math.Abs(target.DayNumber - Item.TargetDate.DayNumber) > MaxMoveDays)
            ModelState.AddModelError(nameof(NewTargetDate), "Move the item by a year at most; a later follow-up is a new plan.");
        else if (target == Item.TargetDate) ModelState.AddModelError(nameof(NewTargetDate), "Choose a date other than the current target.");
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Give the reason for moving it (kept in the audit trail).");
        else if (Reason.Trim().Length > FollowUpItemConfiguration.ReasonLength) ModelState.AddModelError(nameof(Reason), "Keep the reason under 500 characters.");
        if (!ModelState.IsValid) return Page();

        db.Entry(Item).Property(i => i.ConcurrencyStamp).OriginalValue = ConcurrencyStamp;
        // The window keeps its width around the new target; the schedule's own date stays for the record.
        var shift = NewTargetDate!.Value.DayNumber - Item.TargetDate.DayNumber;
        Item.OriginalTargetDate ??= Item.TargetDate;
        Item.TargetDate = NewTargetDate.Value;
        Item.WindowStart = Item.WindowStart.AddDays(shift);
        Item.WindowEnd = Item.WindowEnd.AddDays(shift);
        Item.RescheduleReason = Reason!.Trim();
        return await SaveAsync(itemId, ct);
    }

    public async Task<IActionResult> OnPostMissedAsync(Guid itemId, CancellationToken ct)
    {
        if (await LoadAsync(itemId, track: true, ct) is { } missing) return missing;
        ModelState.Clear();
        if (Item.Status != FollowUpStatus.Open) ModelState.AddModelError(string.Empty, "Only an open item can be recorded as missed.");
        if (string.IsNullOrWhiteSpace(MissedReason)) ModelState.AddModelError(nameof(MissedReason), "Give the reason the visit was missed.");
        else if (MissedReason.Trim().Length > FollowUpItemConfiguration.ReasonLength) ModelState.AddModelError(nameof(MissedReason), "Keep the reason under 500 characters.");
        if (!ModelState.IsValid) return Page();
        db.Entry(Item).Property(i => i.ConcurrencyStamp).OriginalValue = ConcurrencyStamp;
        Item.Status = FollowUpStatus.Missed;
        Item.MissedReason = MissedReason!.Trim();
        return await SaveAsync(itemId, ct);
    }

    private async Task<IActionResult> SaveAsync(Guid itemId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return RedirectToPage("/FollowUp/Worklist");
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(itemId, track: false, ct);
            ModelState.Clear();
            ConcurrencyStamp = Item.ConcurrencyStamp;
            NewTargetDate = Item.TargetDate;
            Conflict = FormConventions.ConcurrencyConflict;
            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid itemId, bool track, CancellationToken ct)
    {
        var query = track ? db.FollowUpItems : db.FollowUpItems.AsNoTracking();
        var item = await query.FirstOrDefaultAsync(i => i.Id == itemId && i.VoidedAt == null, ct);
        if (item is null) return NotFound();
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == item.PatientId, ct);
        if (patient is null) return NotFound();
        Item = item;
        Patient = PatientIdentityView.For(User, patient);
        CourseNumber = await db.TreatmentCourses.Where(c => c.Id == item.TreatmentCourseId).Select(c => c.Number).FirstOrDefaultAsync(ct);
        return null;
    }
}
