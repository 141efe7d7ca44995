using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Patients;

/// <summary>Corrects a patient's demographics, or voids the patient with a reason (nothing is deleted).</summary>
[Authorize(Policy = StaffPolicies.EditRegistry)]
[ReadsPatientData(nameof(Patient), "edit form")]
public sealed class EditModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public PatientInput Input { get; set; } = new();
    [TextLimit(FieldLengths.Reason)]
    [BindProperty] public string? VoidReason { get; set; }
    public Patient Stored { get; private set; } = null!;
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } patient) return NotFound();
        Stored = patient;
        Input = PatientInput.From(patient);
        audit.Read(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await db.Patients.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } patient) return NotFound();
        Stored = patient;
        var phone = Input.Validate(ModelState, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!ModelState.IsValid) return Page();
        db.Entry(patient).Property(p => p.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        Input.ApplyTo(patient, phone);
        return await SaveAsync(id, ct);
    }

    public async Task<IActionResult> OnPostVoidAsync(Guid id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, StaffPolicies.EditClinical)).Succeeded) return Forbid();
        if (await db.Patients.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } patient) return NotFound();
        Stored = patient;
        ModelState.Clear();
        ModelState.CheckTexts(this);
        if (string.IsNullOrWhiteSpace(VoidReason))
        {
            Input = PatientInput.From(patient);
            ModelState.AddModelError(nameof(VoidReason), FormConventions.VoidReasonRequired);
            return Page();
        }
        if (!ModelState.IsValid)
        {
            Input = PatientInput.From(patient);
            return Page();
        }
        db.Entry(patient).Property(p => p.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        patient.Void(VoidReason, User.Identity?.Name, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(id, ct);
    }

    private async Task<IActionResult> SaveAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return RedirectToPage("/Patients/Chart", new { id });
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Stored = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == id, ct);
            Input = PatientInput.From(Stored);
            ModelState.Clear();
            Conflict = FormConventions.ConcurrencyConflict;
            return Page();
        }
    }
}
