using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Numbers;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Courses;

/// <summary>A treatment course ("new" or stored) and the transplantations given in it.</summary>
[Authorize(Policy = StaffPolicies.EditClinical)]
[ReadsPatientData(nameof(TreatmentCourse))]
public sealed class CourseFormModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock, FollowUpSchedule schedule)
    : RecordFormModel<TreatmentCourse>(db, clock)
{
    public sealed class CourseInput
    {
        public int Number { get; set; } = 1;
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        [TextLimit(FieldLengths.Note)]
        public string? Notes { get; set; }
        public Guid ConcurrencyStamp { get; set; }
        /// <summary>The form status chosen; null lets the save decide (<see cref="EffectiveStatus"/>).</summary>
        public FormStatus? Status { get; set; }
    }

    /// <summary>Named beside the status when a course without any transplantation in force is marked complete.</summary>
    public const string MissingTransplantation = "a transplantation (none recorded, or every one voided)";

    /// <summary>What a complete course would still need: at least one transplantation in force.</summary>
    public static IReadOnlyList<string> MissingParts(TreatmentCourse? course) =>
        course is null || course.Transplantations.All(t => t.IsVoided) ? [MissingTransplantation] : [];

    /// <summary>The status chosen, or by default incomplete while parts are missing and unverified otherwise.</summary>
    public static FormStatus EffectiveStatus(FormStatus? chosen, TreatmentCourse? course) => FormStatusRule.Effective(chosen, MissingParts(course));

    public sealed class TransplantationInput
    {
        public DateOnly? Date { get; set; }
        [TextLimit(FieldLengths.Label)]
        public string? CellProductLot { get; set; }
        public int? SuspensionCount { get; set; } = 4;
        public decimal? VolumeMl { get; set; }
        public AdministrationRoute Route { get; set; } = AdministrationRoute.IntravenousDrip;
    }

    [BindProperty] public CourseInput Input { get; set; } = new();
    [BindProperty] public TransplantationInput Transplantation { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string courseId, CancellationToken ct)
    {
        if (await LoadAsync(id, courseId, ct) is { } missing) return missing;
        if (Stored is null)
        {
            Input = new CourseInput { Number = await Db.TreatmentCourses.CountAsync(c => c.PatientId == id && c.VoidedAt == null, ct) + 1, StartDate = Today };
            audit.NothingRead();
        }
        else
        {
            Input = From(Stored);
            Transplantation.Date = Stored.StartDate;
            audit.Read(id, Stored.Id.ToString());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string courseId, CancellationToken ct)
    {
        if (await LoadAsync(id, courseId, ct, track: true) is { } missing) return missing;
        ModelState.ClearExceptUnreadableNumbers();
        ModelState.CheckTexts(Input, nameof(Input));
        if (Input.StartDate is not { } start) ModelState.AddFieldError(() => Input.StartDate, "Enter the start date.");
        else if (start > Today || start < Patient.DateOfBirthForValidation) ModelState.AddFieldError(() => Input.StartDate, "The date must lie between the patient's birth and today.");
        if (Input.EndDate < Input.StartDate) ModelState.AddFieldError(() => Input.EndDate, "The course cannot end before it starts.");
        if (Input.Number is < 1 or > 50) ModelState.AddFieldError(() => Input.Number, "The course number is 1 for the first course, 2 for the first repeat, and so on.");
        if (FormStatusRule.CompleteRefused(Input.Status, MissingParts(Stored), "A course",
                Stored is null ? "Save the course, record its transplantations on its page, then mark it complete." : FormStatusRule.RecordThem) is { } refused)
            ModelState.AddFieldError(() => Input.Status, refused);
        if (!ModelState.IsValid) return Page();

        var course = Stored ?? new TreatmentCourse { PatientId = id };
        if (Stored is null) Db.TreatmentCourses.Add(course);
        else Db.Entry(course).Property(c => c.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        course.Number = Input.Number; course.StartDate = Input.StartDate!.Value; course.EndDate = Input.EndDate;
        course.Notes = string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim();
        course.Status = EffectiveStatus(Input.Status, Stored);
        // The follow-up schedule commits with the course (one transaction), or not at all.
        await schedule.SyncCourseAsync(course, isNew: Stored is null, ct);
        return await SaveAsync(id, courseId, RedirectToPage("/Courses/CourseForm", new { id, courseId = course.Id }), $"Course {course.Number} saved.", ct);
    }

    public async Task<IActionResult> OnPostTransplantationAsync(Guid id, string courseId, CancellationToken ct)
    {
        if (await LoadAsync(id, courseId, ct, track: true) is { } missing) return missing;
        if (Stored is null) return NotFound();
        ModelState.ClearExceptUnreadableNumbers();
        Input = From(Stored);
        TransplantationRules.Check(ModelState, FieldKeys.For(() => Transplantation), Transplantation, Stored, Today);
        if (!ModelState.IsValid) return Page();
        var added = new Transplantation { TreatmentCourseId = Stored.Id, PatientId = id, CellProductLot = "" };
        TransplantationRules.ApplyTo(Transplantation, added);
        Db.Transplantations.Add(added);
        // A transplantation is the only part a course can miss: one incomplete is unverified now, until checked.
        if (Stored.Status == FormStatus.Incomplete) Stored.Status = FormStatus.Unverified;
        return await SaveAsync(id, courseId, RedirectToPage("/Courses/CourseForm", new { id, courseId = Stored.Id }),
            $"Transplantation of {added.Date:yyyy-MM-dd} recorded.", ct);
    }

    public async Task<IActionResult> OnPostVoidAsync(Guid id, string courseId, CancellationToken ct)
    {
        if (await LoadAsync(id, courseId, ct, track: true) is { } missing) return missing;
        if (Void(Input.ConcurrencyStamp, stored => Input = From(stored)) is { } notVoided) return notVoided;
        await schedule.SyncCourseAsync(Stored!, isNew: false, ct);
        return await SaveAsync(id, courseId, ToChart(id), $"Course {Stored!.Number} voided.", ct);
    }

    private Task<IActionResult> SaveAsync(Guid id, string courseId, IActionResult next, string saved, CancellationToken ct) =>
        SaveAsync(async () => { await Db.SaveChangesAsync(ct); SavedBanner.Show(TempData, saved); }, next, async () =>
        {
            await LoadAsync(id, courseId, ct);
            if (Stored is not null) Input = From(Stored);
        });

    private static CourseInput From(TreatmentCourse c) => new() { Number = c.Number, StartDate = c.StartDate, EndDate = c.EndDate, Notes = c.Notes, ConcurrencyStamp = c.ConcurrencyStamp, Status = c.Status };

    private async Task<IActionResult?> LoadAsync(Guid id, string courseId, CancellationToken ct, bool track = false)
    {
        if (await LoadPatientAsync(id, ct) is { } missing) return missing;
        return await LoadRecordAsync(courseId, Db.TreatmentCourses.Include(c => c.Transplantations), track, cid => c => c.Id == cid && c.PatientId == id, ct);
    }
}
