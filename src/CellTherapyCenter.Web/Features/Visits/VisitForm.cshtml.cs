using CellTherapyCenter.Web.Data;
using CellTherapyCenter.Web.Data.Model;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Visits;

/// <summary>Records a visit ("new") or corrects or voids a stored one.</summary>
[Authorize(Policy = StaffPolicies.EditRegistry)]
[ReadsPatientData(nameof(Visit))]
public sealed class VisitFormModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock) : PageModel
{
    [BindProperty] public VisitInput Input { get; set; } = new();
    [BindProperty] public string? VoidReason { get; set; }
    public PatientIdentityView Patient { get; private set; } = null!;
    public Visit? Stored { get; private set; }
    public IReadOnlyList<TreatmentCourse> Courses { get; private set; } = [];
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string visitId, CancellationToken ct)
    {
        if (await LoadAsync(id, visitId, ct) is { } missing) return missing;
        if (Stored is null)
        {
            Input = new VisitInput { Date = Today };
            audit.NothingRead();
        }
        else
        {
            Input = VisitInput.From(Stored);
            audit.Read(id, Stored.Id.ToString());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string visitId, CancellationToken ct)
    {
        if (await LoadAsync(id, visitId, ct, track: true) is { } missing) return missing;
        if (Input.Date is not { } date) ModelState.AddModelError("Input.Date", "Enter the date of the visit.");
        else if (date > Today || date < Patient.DateOfBirthForValidation) ModelState.AddModelError("Input.Date", "The date must lie between the patient's birth and today.");
        if (Input.FvcPercentPredicted is < 0 or > 200) ModelState.AddModelError("Input.FvcPercentPredicted", "FVC is a percentage of predicted between 0 and 200.");
        if (Input.WeightKg is < 20 or > 300) ModelState.AddModelError("Input.WeightKg", "Weight must be between 20 and 300 kg.");
        if (Input.TreatmentCourseId is { } c && Courses.All(x => x.Id != c)) ModelState.AddModelError("Input.TreatmentCourseId", "Choose one of this patient's courses.");
        if (!ModelState.IsValid) return Page();

        var visit = Stored ?? new Visit { PatientId = id };
        if (Stored is null) db.Visits.Add(visit);
        else db.Entry(visit).Property(v => v.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        Input.ApplyTo(visit, clock.GetUtcNow().UtcDateTime, User.Identity?.Name);
        return await SaveAsync(id, visitId, ct);
    }

    public async Task<IActionResult> OnPostVoidAsync(Guid id, string visitId, CancellationToken ct)
    {
        if (await LoadAsync(id, visitId, ct, track: true) is { } missing) return missing;
        if (Stored is null) return NotFound();
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(VoidReason))
        {
            Input = VisitInput.From(Stored);
            ModelState.AddModelError(nameof(VoidReason), FormConventions.VoidReasonRequired);
            return Page();
        }
        db.Entry(Stored).Property(v => v.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        Stored.Void(VoidReason, User.Identity?.Name, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(id, visitId, ct);
    }

    private async Task<IActionResult> SaveAsync(Guid id, string visitId, CancellationToken ct)
    {
        try
        {
            await db.SaveWithSummaryAsync(id, ct);
            return Redirect($"/staff/patients/{id}");
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, visitId, ct);
            Input = Stored is null ? Input : VisitInput.From(Stored);
            ModelState.Clear();
            Conflict = FormConventions.ConcurrencyConflict;
            return Page();
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<IActionResult?> LoadAsync(Guid id, string visitId, CancellationToken ct, bool track = false)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null) return NotFound();
        Patient = PatientIdentityView.For(User, patient);
        Courses = await db.TreatmentCourses.AsNoTracking().Where(c => c.PatientId == id && c.VoidedAt == null).OrderBy(c => c.Number).ToListAsync(ct);
        if (visitId == "new") return null;
        if (!Guid.TryParse(visitId, out var vid)) return NotFound();
        var query = db.Visits.Include(v => v.Symptoms).Include(v => v.ExaminationFindings).Include(v => v.ReportedChanges).AsSplitQuery();
        Stored = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(v => v.Id == vid && v.PatientId == id, ct);
        return Stored is null ? NotFound() : null;
    }
}
