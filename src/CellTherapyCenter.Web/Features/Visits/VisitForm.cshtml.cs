using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Visits;
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
public sealed class VisitFormModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock) : RecordFormModel<Visit>(db, clock)
{
    [BindProperty] public VisitInput Input { get; set; } = new();
    public IReadOnlyList<TreatmentCourse> Courses { get; private set; } = [];

    /// <summary>"Save and next" goes through the steps of a visit: the visit (FVC, weight, symptoms), then its ALSFRS-R.</summary>
    public const string NextAlsfrsR = "alsfrs-r";
    [BindProperty(Name = "next")] public string? Next { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string visitId, CancellationToken ct)
    {
        if (await LoadAsync(id, visitId, ct) is { } missing) return missing;
        if (Stored is null)
        {
            Input = new VisitInput { Date = Today, Symptoms = VisitInput.AllAbsent() };
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
        if (Input.Date is not { } date) ModelState.AddFieldError(() => Input.Date, "Enter the date of the visit.");
        else if (date > Today || date < Patient.DateOfBirthForValidation) ModelState.AddFieldError(() => Input.Date, "The date must lie between the patient's birth and today.");
        if (Input.FvcPercentPredicted is < 0 or > 200) ModelState.AddFieldError(() => Input.FvcPercentPredicted, "FVC is a percentage of predicted between 0 and 200.");
        if (Input.WeightKg is < 20 or > 300) ModelState.AddFieldError(() => Input.WeightKg, "Weight must be between 20 and 300 kg.");
        if (Input.TreatmentCourseId is { } c && Courses.All(x => x.Id != c)) ModelState.AddFieldError(() => Input.TreatmentCourseId, "Choose one of this patient's courses.");
        if (!ModelState.IsValid) return Page();

        var visit = Stored ?? new Visit { PatientId = id };
        if (Stored is null) Db.Visits.Add(visit);
        else Db.Entry(visit).Property(v => v.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        Db.AddRange(Input.ApplyTo(visit, Clock.GetUtcNow().UtcDateTime, User.Identity?.Name));
        return await SaveAsync(id, visitId, ct, Next == NextAlsfrsR
            ? RedirectToPage("/Assessments/AssessmentForm", new { id, assessmentId = NewRecordId, visitId = visit.Id })
            : null);
    }

    public async Task<IActionResult> OnPostVoidAsync(Guid id, string visitId, CancellationToken ct)
    {
        if (await LoadAsync(id, visitId, ct, track: true) is { } missing) return missing;
        return Void(Input.ConcurrencyStamp, stored => Input = VisitInput.From(stored)) ?? await SaveAsync(id, visitId, ct);
    }

    private Task<IActionResult> SaveAsync(Guid id, string visitId, CancellationToken ct, IActionResult? next = null) =>
        SaveAsync(() => Db.SaveWithSummaryAsync(id, ct), next ?? ToChart(id), async () =>
        {
            await LoadAsync(id, visitId, ct);
            Input = Stored is null ? Input : VisitInput.From(Stored);
        });

    private async Task<IActionResult?> LoadAsync(Guid id, string visitId, CancellationToken ct, bool track = false)
    {
        if (await LoadPatientAsync(id, ct) is { } missing) return missing;
        Courses = await Db.TreatmentCourses.AsNoTracking().Where(c => c.PatientId == id && c.VoidedAt == null).OrderBy(c => c.Number).ToListAsync(ct);
        var query = Db.Visits.Include(v => v.Symptoms).Include(v => v.ExaminationFindings).Include(v => v.ReportedChanges).AsSplitQuery();
        return await LoadRecordAsync(visitId, query, track, vid => v => v.Id == vid && v.PatientId == id, ct);
    }
}
