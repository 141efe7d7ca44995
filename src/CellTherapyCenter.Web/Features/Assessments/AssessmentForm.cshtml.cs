using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Assessments;

/// <summary>Records a new ALSFRS-R ("new") or corrects or voids a stored one. Totals and stages are derived, never typed.</summary>
[Authorize(Policy = StaffPolicies.EditRegistry)]
[ReadsPatientData(nameof(AlsfrsRAssessment))]
public sealed class AssessmentFormModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock) : RecordFormModel<AlsfrsRAssessment>(db, clock)
{
    [BindProperty] public AssessmentInput Input { get; set; } = new();

    public bool IsNew => Stored is null;

    public async Task<IActionResult> OnGetAsync(Guid id, string assessmentId, Guid? visitId, CancellationToken ct)
    {
        if (await LoadAsync(id, assessmentId, ct) is { } missing) return missing;
        if (Stored is not null)
        {
            Input = AssessmentInput.From(Stored);
            audit.Read(id, Stored.Id.ToString());
        }
        else
        {
            Input = new AssessmentInput { AssessedOn = Today, VisitId = visitId };
            audit.NothingRead();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string assessmentId, CancellationToken ct)
    {
        if (await LoadAsync(id, assessmentId, ct, track: true) is { } missing) return missing;
        Validate();
        if (!ModelState.IsValid) return Page();

        var assessment = Stored ?? new AlsfrsRAssessment { PatientId = id };
        if (Stored is null) Db.AlsfrsRAssessments.Add(assessment);
        else Db.Entry(assessment).Property(a => a.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        assessment.AssessedOn = Input.AssessedOn!.Value;
        assessment.Rater = Input.Rater;
        assessment.Mode = Input.Mode;
        assessment.VisitId = Input.VisitId;
        assessment.SetResponses(Input.Responses);
        return await SaveAsync(id, assessmentId, ct);
    }

    public async Task<IActionResult> OnPostVoidAsync(Guid id, string assessmentId, CancellationToken ct)
    {
        if (await LoadAsync(id, assessmentId, ct, track: true) is { } missing) return missing;
        return Void(Input.ConcurrencyStamp, stored => Input = AssessmentInput.From(stored)) ?? await SaveAsync(id, assessmentId, ct);
    }

    private Task<IActionResult> SaveAsync(Guid id, string assessmentId, CancellationToken ct) =>
        SaveAsync(() => Db.SaveWithSummaryAsync(id, ct), ToChart(id), async () =>
        {
            await LoadAsync(id, assessmentId, ct);
            Input = Stored is null ? Input : AssessmentInput.From(Stored);
        });

    private void Validate()
    {
        foreach (var item in Input.Responses.OutOfRangeItems())
            ModelState.AddModelError(AssessmentInput.FieldName(item), $"Choose an answer from 0 to 4 for \"{AlsfrsRAnchors.Question(item)}\".");
        if (Input.AssessedOn is { } date)
        {
            if (date > Today) ModelState.AddFieldError(() => Input.AssessedOn, "The date cannot be in the future.");
            if (date < Patient.DateOfBirthForValidation) ModelState.AddFieldError(() => Input.AssessedOn, "The date cannot be before the patient's birth.");
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string assessmentId, CancellationToken ct, bool track = false)
    {
        if (await LoadPatientAsync(id, ct) is { } missing) return missing;
        return await LoadRecordAsync(assessmentId, Db.AlsfrsRAssessments, track, aid => a => a.Id == aid && a.PatientId == id, ct);
    }
}
