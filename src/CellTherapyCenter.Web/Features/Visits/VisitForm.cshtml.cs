using CellTherapyCenter.Clinical.DataQuality;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
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
    /// <summary>Warnings about unusual values, by input property name (<c>nameof(VisitInput.WeightKg)</c>); the form asks "save anyway" while there are any.</summary>
    public Dictionary<string, string> Warnings { get; } = [];
    /// <summary>True when this post was not saved because of <see cref="Warnings"/> (false when a stored visit shows its kept warnings).</summary>
    public bool HeldForWarnings { get; private set; }
    private DateOnly? _diagnosisDate;

    /// <summary>"Save and next" goes through the steps of a visit: the visit (FVC, weight, symptoms), then its ALSFRS-R.</summary>
    public const string NextAlsfrsR = "alsfrs-r";
    [TextLimit(FieldLengths.Code)]
    [BindProperty(Name = "next")] public string? Next { get; set; }

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
            CheckRanges(); // a stored visit shows its warnings beside the kept reason
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string visitId, CancellationToken ct)
    {
        if (await LoadAsync(id, visitId, ct, track: true) is { } missing) return missing;
        if (Input.Date is not { } date) ModelState.AddFieldError(() => Input.Date, "Enter the date of the visit.");
        else if (date > Today || date < Patient.DateOfBirthForValidation) ModelState.AddFieldError(() => Input.Date, "The date must lie between the patient's birth and today.");
        if (Input.FvcPercentPredicted is { } fvc && RangeRules.FvcPercentPredicted.Check(fvc) == RangeVerdict.Impossible) ModelState.AddFieldError(() => Input.FvcPercentPredicted, RangeRules.FvcPercentPredicted.HardMessage);
        if (Input.WeightKg is { } kg && RangeRules.WeightKg.Check(kg) == RangeVerdict.Impossible) ModelState.AddFieldError(() => Input.WeightKg, RangeRules.WeightKg.HardMessage);
        if (Input.FvcPercentPredicted is not null && Input.FvcPercentPredictedMissing is not null) ModelState.AddFieldError(() => Input.FvcPercentPredictedMissing, ValueAndMissingCode);
        if (Input.WeightKg is not null && Input.WeightKgMissing is not null) ModelState.AddFieldError(() => Input.WeightKgMissing, ValueAndMissingCode);
        if (Input.TreatmentCourseId is { } c && Courses.All(x => x.Id != c)) ModelState.AddFieldError(() => Input.TreatmentCourseId, "Choose one of this patient's courses.");
        if (FormStatusRule.CompleteRefused(Input.Status, Input.MissingParts(), "A visit") is { } refused)
            ModelState.AddFieldError(() => Input.Status, refused);
        if (!ModelState.IsValid) return Page();

        // Unusual but possible values: saved only through "Save anyway" with a reason, which is kept.
        CheckRanges();
        string? rangeReason = null;
        if (Warnings.Count > 0)
        {
            HeldForWarnings = true;
            rangeReason = string.IsNullOrWhiteSpace(Input.RangeWarningReason) ? null : Input.RangeWarningReason.Trim();
            if (!Input.SaveAnyway) return Page();
            if (rangeReason is null)
            {
                ModelState.AddFieldError(() => Input.RangeWarningReason, "Give the reason for saving these values anyway.");
                return Page();
            }
            if (rangeReason.Length > 1000)
            {
                ModelState.AddFieldError(() => Input.RangeWarningReason, "Keep the reason under 1,000 characters.");
                return Page();
            }
        }

        var visit = Stored ?? new Visit { PatientId = id };
        if (Stored is null) Db.Visits.Add(visit);
        else Db.Entry(visit).Property(v => v.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        Db.AddRange(Input.ApplyTo(visit, isStored: Stored is not null, Clock.GetUtcNow().UtcDateTime, User.Identity?.Name, rangeReason));
        return await SaveAsync(id, visitId, ct, Next == NextAlsfrsR
            ? RedirectToPage("/Assessments/AssessmentForm", new { id, assessmentId = NewRecordId, visitId = visit.Id })
            : null);
    }

    public async Task<IActionResult> OnPostVoidAsync(Guid id, string visitId, CancellationToken ct)
    {
        if (await LoadAsync(id, visitId, ct, track: true) is { } missing) return missing;
        return Void(Input.ConcurrencyStamp, stored => Input = VisitInput.From(stored)) ?? await SaveAsync(id, visitId, ct);
    }

    /// <summary>Refused on the missing-code field when a value is given too.</summary>
    public const string ValueAndMissingCode = "Give either a value or the reason it is missing, not both.";

    /// <summary>Fills <see cref="Warnings"/> from the range rules (clinical library) for the values in the form.</summary>
    private void CheckRanges()
    {
        foreach (var (rule, value) in new[] { (RangeRules.FvcPercentPredicted, Input.FvcPercentPredicted), (RangeRules.WeightKg, Input.WeightKg) })
            if (value is { } v && rule.Check(v) == RangeVerdict.Unusual) Warnings[rule.Field] = rule.SoftMessage(v);
        if (Input.Date is { } date && RangeRules.IsBeforeDiagnosis(date, _diagnosisDate))
            Warnings[nameof(VisitInput.Date)] = RangeRules.BeforeDiagnosisMessage(_diagnosisDate!.Value);
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
        _diagnosisDate = await Db.Diagnoses.AsNoTracking().Where(d => d.PatientId == id && d.VoidedAt == null).Select(d => d.DiagnosisDate).FirstOrDefaultAsync(ct);
        var query = Db.Visits.Include(v => v.Symptoms).Include(v => v.ExaminationFindings).Include(v => v.ReportedChanges).AsSplitQuery();
        return await LoadRecordAsync(visitId, query, track, vid => v => v.Id == vid && v.PatientId == id, ct);
    }
}
