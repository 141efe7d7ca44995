using CellTherapyCenter.Clinical.AdverseEvents;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.AdverseEvents;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.AdverseEvents;

/// <summary>Reports an adverse event ("new") or corrects or voids a stored one.</summary>
[Authorize(Policy = StaffPolicies.EditClinical)]
[ReadsPatientData(nameof(AdverseEvent))]
public sealed class AdverseEventFormModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock) : RecordFormModel<AdverseEvent>(db, clock)
{
    public sealed class AdverseEventInput
    {
        [TextLimit(FieldLengths.Title)]
        public string? Term { get; set; }
        public DateOnly? OnsetDate { get; set; }
        public DateOnly? ResolvedDate { get; set; }
        public CtcaeGrade Grade { get; set; } = CtcaeGrade.Mild;
        public Relatedness Relatedness { get; set; } = Relatedness.Possible;
        public bool Serious { get; set; }
        public AdverseEventOutcome Outcome { get; set; } = AdverseEventOutcome.Ongoing;
        public Guid? TreatmentCourseId { get; set; }
        [TextLimit(FieldLengths.Note)]
        public string? Description { get; set; }
        public Guid ConcurrencyStamp { get; set; }
        /// <summary>The form status chosen; null lets the save decide (<see cref="EffectiveStatus"/>).</summary>
        public FormStatus? Status { get; set; }

        /// <summary>
        /// What a complete report would still need for the safety analysis: a known outcome, and
        /// the date of recovery when the outcome says the patient recovered.
        /// </summary>
        public IReadOnlyList<string> MissingParts()
        {
            var missing = new List<string>();
            if (Outcome == AdverseEventOutcome.Unknown) missing.Add("the outcome (recorded as unknown)");
            if (Outcome is AdverseEventOutcome.Recovered or AdverseEventOutcome.RecoveredWithSequelae && ResolvedDate is null) missing.Add("the date it resolved (the outcome says recovered)");
            return missing;
        }

        /// <summary>The status chosen, or by default incomplete while parts are missing and unverified otherwise.</summary>
        public FormStatus EffectiveStatus => FormStatusRule.Effective(Status, MissingParts());
    }

    [BindProperty] public AdverseEventInput Input { get; set; } = new();
    public IReadOnlyList<TreatmentCourse> Courses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string eventId, CancellationToken ct)
    {
        if (await LoadAsync(id, eventId, ct) is { } missing) return missing;
        if (Stored is null)
        {
            Input = new AdverseEventInput { OnsetDate = Today, TreatmentCourseId = Courses.LastOrDefault()?.Id };
            audit.NothingRead();
        }
        else
        {
            Input = From(Stored);
            audit.Read(id, Stored.Id.ToString());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string eventId, CancellationToken ct)
    {
        if (await LoadAsync(id, eventId, ct, track: true) is { } missing) return missing;
        if (string.IsNullOrWhiteSpace(Input.Term)) ModelState.AddFieldError(() => Input.Term, "Name the event, e.g. \"Headache\".");
        if (Input.OnsetDate is not { } onset) ModelState.AddFieldError(() => Input.OnsetDate, "Enter the date the event began.");
        else if (onset > Today || onset < Patient.DateOfBirthForValidation) ModelState.AddFieldError(() => Input.OnsetDate, "The date must lie between the patient's birth and today.");
        if (Input.ResolvedDate < Input.OnsetDate) ModelState.AddFieldError(() => Input.ResolvedDate, "An event cannot resolve before it began.");
        if (CtcaeGrades.Inconsistency(Input.Grade, Input.Outcome) is { } problem) ModelState.AddFieldError(() => Input.Outcome, problem);
        if (Input.TreatmentCourseId is { } c && Courses.All(x => x.Id != c)) ModelState.AddFieldError(() => Input.TreatmentCourseId, "Choose one of this patient's courses.");
        if (FormStatusRule.CompleteRefused(Input.Status, Input.MissingParts(), "A report") is { } refused)
            ModelState.AddFieldError(() => Input.Status, refused);
        if (!ModelState.IsValid) return Page();

        var e = Stored ?? new AdverseEvent { PatientId = id, Term = "" };
        if (Stored is null) Db.AdverseEvents.Add(e);
        else Db.Entry(e).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        e.Term = Input.Term!.Trim(); e.OnsetDate = Input.OnsetDate!.Value; e.ResolvedDate = Input.ResolvedDate;
        e.Grade = Input.Grade; e.Relatedness = Input.Relatedness; e.Outcome = Input.Outcome;
        // Grades 4 and 5 are serious by definition, whatever was ticked.
        e.Serious = Input.Serious || CtcaeGrades.IsSeriousByGrade(Input.Grade);
        e.TreatmentCourseId = Input.TreatmentCourseId;
        e.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        e.Status = Input.EffectiveStatus;
        return await SaveAsync(id, eventId, ct);
    }

    public async Task<IActionResult> OnPostVoidAsync(Guid id, string eventId, CancellationToken ct)
    {
        if (await LoadAsync(id, eventId, ct, track: true) is { } missing) return missing;
        return Void(Input.ConcurrencyStamp, stored => Input = From(stored)) ?? await SaveAsync(id, eventId, ct);
    }

    private Task<IActionResult> SaveAsync(Guid id, string eventId, CancellationToken ct) =>
        SaveAsync(() => Db.SaveChangesAsync(ct), ToChart(id), async () =>
        {
            await LoadAsync(id, eventId, ct);
            if (Stored is not null) Input = From(Stored);
        });

    private static AdverseEventInput From(AdverseEvent e) => new()
    {
        Term = e.Term, OnsetDate = e.OnsetDate, ResolvedDate = e.ResolvedDate, Grade = e.Grade, Relatedness = e.Relatedness,
        Serious = e.Serious, Outcome = e.Outcome, TreatmentCourseId = e.TreatmentCourseId, Description = e.Description, ConcurrencyStamp = e.ConcurrencyStamp, Status = e.Status,
    };

    private async Task<IActionResult?> LoadAsync(Guid id, string eventId, CancellationToken ct, bool track = false)
    {
        if (await LoadPatientAsync(id, ct) is { } missing) return missing;
        Courses = await Db.TreatmentCourses.AsNoTracking().Where(c => c.PatientId == id && c.VoidedAt == null).OrderBy(c => c.Number).ToListAsync(ct);
        return await LoadRecordAsync(eventId, Db.AdverseEvents, track, eid => e => e.Id == eid && e.PatientId == id, ct);
    }
}
