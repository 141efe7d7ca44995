using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Numbers;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Courses;

/// <summary>
/// One transplantation of a course, recorded ("new"), corrected or voided on its own: the same rules
/// as the course page's form, its own concurrency stamp, and its own audit lines. Voiding the last
/// transplantation in force of a course leaves the course standing but no longer counted as treatment
/// (<see cref="Treatment"/>); the course page then says so.
/// </summary>
[Authorize(Policy = StaffPolicies.EditClinical)]
[ReadsPatientData(nameof(CellTherapyCenter.Data.Courses.Transplantation))]
public sealed class TransplantationFormModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock)
    : RecordFormModel<Transplantation>(db, clock)
{
    public const string VoidedRecordRefused = "This transplantation is voided and can no longer be changed: record a new one on the course instead.";
    public const string VoidedCourseRefused = "This course is voided: its transplantations can no longer be changed.";

    [BindProperty] public CourseFormModel.TransplantationInput Transplantation { get; set; } = new();
    [BindProperty] public Guid ConcurrencyStamp { get; set; }
    public TreatmentCourse Course { get; private set; } = null!;

    /// <summary>Whether the form may still change the transplantation (a voided one, or one in a voided course, is shown read-only).</summary>
    public bool Editable => !Course.IsVoided && Stored?.IsVoided != true;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid courseId, string transplantationId, CancellationToken ct)
    {
        if (await LoadAsync(id, courseId, transplantationId, ct) is { } missing) return missing;
        if (Stored is null)
        {
            if (Course.IsVoided) return NotFound();
            Transplantation = new CourseFormModel.TransplantationInput { Date = Course.StartDate };
            // The blank form shows the course's number and dates.
            audit.Read(id, Course.Id.ToString());
        }
        else
        {
            Show(Stored);
            audit.Read(id, Stored.Id.ToString());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid courseId, string transplantationId, CancellationToken ct)
    {
        if (await LoadAsync(id, courseId, transplantationId, ct, track: true) is { } missing) return missing;
        ModelState.ClearExceptUnreadableNumbers();
        ModelState.CheckTexts(Transplantation, nameof(Transplantation));
        if (!Editable)
        {
            if (Stored is null) return NotFound();
            Show(Stored);
            ModelState.AddModelError("", Course.IsVoided ? VoidedCourseRefused : VoidedRecordRefused);
            return Page();
        }
        TransplantationRules.Check(ModelState, FieldKeys.For(() => Transplantation), Transplantation, Course, Today);
        if (!ModelState.IsValid) return Page();

        var t = Stored ?? new Transplantation { TreatmentCourseId = Course.Id, PatientId = id, CellProductLot = "" };
        if (Stored is null) Db.Transplantations.Add(t);
        else Db.Entry(t).Property(x => x.ConcurrencyStamp).OriginalValue = ConcurrencyStamp;
        TransplantationRules.ApplyTo(Transplantation, t);
        return await SaveAsync(id, courseId, transplantationId, $"Transplantation of {t.Date:yyyy-MM-dd} saved.", ct);
    }

    public async Task<IActionResult> OnPostVoidAsync(Guid id, Guid courseId, string transplantationId, CancellationToken ct)
    {
        if (await LoadAsync(id, courseId, transplantationId, ct, track: true) is { } missing) return missing;
        if (Stored is { IsVoided: true }) return RedirectToCourse(id);
        if (Void(ConcurrencyStamp, Show) is { } notVoided) return notVoided;
        return await SaveAsync(id, courseId, transplantationId, $"Transplantation of {Stored!.Date:yyyy-MM-dd} voided.", ct);
    }

    private Task<IActionResult> SaveAsync(Guid id, Guid courseId, string transplantationId, string saved, CancellationToken ct) =>
        SaveAsync(async () => { await Db.SaveChangesAsync(ct); SavedBanner.Show(TempData, saved); }, RedirectToCourse(id), async () =>
        {
            await LoadAsync(id, courseId, transplantationId, ct);
            if (Stored is not null) Show(Stored);
        });

    private RedirectToPageResult RedirectToCourse(Guid id) => RedirectToPage("/Courses/CourseForm", new { id, courseId = Course.Id });

    private void Show(Transplantation t)
    {
        Transplantation = new CourseFormModel.TransplantationInput
        {
            Date = t.Date, CellProductLot = t.CellProductLot, SuspensionCount = t.SuspensionCount, VolumeMl = t.VolumeMl, Route = t.Route,
        };
        ConcurrencyStamp = t.ConcurrencyStamp;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid courseId, string transplantationId, CancellationToken ct, bool track = false)
    {
        if (await LoadPatientAsync(id, ct) is { } missing) return missing;
        var course = await Db.TreatmentCourses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId && c.PatientId == id, ct);
        if (course is null) return NotFound();
        Course = course;
        return await LoadRecordAsync(transplantationId, Db.Transplantations, track,
            tid => t => t.Id == tid && t.TreatmentCourseId == courseId && t.PatientId == id, ct);
    }
}
