using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Data.Privacy;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Privacy;

/// <summary>
/// A patient's erasure request: record it (processing is restricted at once), then pseudonymise
/// after a second, explicit confirmation. Each step is its own POST and its own audit lines.
/// </summary>
[Authorize(Policy = StaffPolicies.HandleErasure)]
[ReadsPatientData(nameof(Patient), "erasure request")]
public sealed class ErasureModel(RegistryDbContext db, PatientErasure erasure, PatientReadAudit audit, TimeProvider clock) : PageModel
{
    public Guid PatientId { get; private set; }
    public string DisplayName { get; private set; } = "";
    public string Pseudonym { get; private set; } = "";
    public ErasureRequest? Live { get; private set; }
    public string? Message { get; private set; }

    [BindProperty] public DateOnly? ReceivedOn { get; set; }
    [BindProperty] public bool Confirmed { get; set; }
    [BindProperty, TextLimit(FieldLengths.Reason)] public string? LiftReason { get; set; }
    [BindProperty] public bool PatientInformed { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ReceivedOn ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        audit.Read(id);
        return Page();
    }

    public async Task<IActionResult> OnPostRestrictAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == id, ct)) return NotFound();
        if (ReceivedOn is null) ModelState.AddFieldError(() => ReceivedOn, "Enter the day the patient asked.");
        return await StepAsync(id, () => erasure.RestrictAsync(id, ReceivedOn!.Value, User.Identity?.Name, ct), ct);
    }

    public async Task<IActionResult> OnPostPseudonymiseAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == id, ct)) return NotFound();
        if (!Confirmed) ModelState.AddFieldError(() => Confirmed, "Tick the box to confirm: this cannot be undone.");
        return await StepAsync(id, () => erasure.PseudonymiseAsync(id, User.Identity?.Name, ct), ct);
    }

    /// <summary>Lifts the restriction (a withdrawn request, or one recorded in error) with a reason, once the patient was told.</summary>
    public async Task<IActionResult> OnPostLiftAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(LiftReason)) ModelState.AddFieldError(() => LiftReason, "Give the reason: the request was withdrawn, or recorded in error.");
        if (!PatientInformed) ModelState.AddFieldError(() => PatientInformed, "Tell the patient before the restriction is lifted (GDPR Art. 18(3)), then tick the box.");
        return await StepAsync(id, async () =>
        {
            await erasure.LiftAsync(id, LiftReason!, User.Identity?.Name, ct);
            SavedBanner.Show(TempData, "The restriction was lifted: the patient's records are processed as before. Portal access needs a new invitation.");
        }, ct);
    }

    /// <summary>
    /// Runs one step once the form is valid and goes back to the page; otherwise, or when the step refuses
    /// (<see cref="ErasureException"/>, its message shown), shows the page again with what was typed.
    /// </summary>
    private async Task<IActionResult> StepAsync(Guid id, Func<Task> step, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await step();
                return RedirectToPage("/Privacy/Erasure", new { id });
            }
            catch (ErasureException e)
            {
                Message = e.Message;
            }
        }
        await LoadAsync(id, ct);
        audit.Read(id);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.FamilyName, p.GivenName, p.Pseudonym }).FirstOrDefaultAsync(ct);
        if (patient is null) return false;
        PatientId = id;
        DisplayName = $"{patient.FamilyName}, {patient.GivenName}";
        Pseudonym = patient.Pseudonym;
        Live = await PatientErasure.Live(db, id).AsNoTracking().FirstOrDefaultAsync(ct);
        return true;
    }
}
