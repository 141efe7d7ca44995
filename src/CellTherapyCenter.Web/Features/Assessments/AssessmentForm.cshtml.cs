using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
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

    /// <summary>Posted by the "Save as incomplete" button: an assessment with unanswered items is stored only with it.</summary>
    [BindProperty] public bool SaveIncomplete { get; set; }

    /// <summary>
    /// "Save and next" continues the steps of a visit: after the ALSFRS-R, the adverse-event form
    /// for the patient; "Save and finish" (no value) returns to the chart.
    /// </summary>
    public const string NextAdverseEvent = "adverse-event";
    [TextLimit(FieldLengths.Code)]
    [BindProperty(Name = "next")] public string? Next { get; set; }

    /// <summary>Adverse events are reported by clinicians (<see cref="StaffPolicies.EditClinical"/>); for others the chain ends here.</summary>
    public bool MayReportAdverseEvent => StaffPolicies.Grants(User, StaffPolicies.EditClinical);

    /// <summary>The unanswered items of a post that still needs the "save as incomplete" confirmation; empty otherwise.</summary>
    public IReadOnlyList<AlsfrsRItem> AwaitingConfirmation { get; private set; } = [];

    /// <summary>The score of what the form shows (the server's own, so the page is right without its script).</summary>
    public AlsfrsRScore? Score => Input.Responses.OutOfRangeItems().Count == 0 ? AlsfrsRScore.Of(Input.Responses) : null;

    protected override string RecordTitle => "ALSFRS-R";

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
            // Recorded as a step of a visit, it takes the visit's date.
            var visitDate = visitId is { } vid
                ? await Db.Visits.AsNoTracking().Where(v => v.Id == vid && v.PatientId == id).Select(v => (DateOnly?)v.Date).FirstOrDefaultAsync(ct)
                : null;
            Input = new AssessmentInput { AssessedOn = visitDate ?? Today, VisitId = visitDate is null ? null : visitId };
            audit.NothingRead();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string assessmentId, CancellationToken ct)
    {
        if (await LoadAsync(id, assessmentId, ct, track: true) is { } missing) return missing;
        Validate();
        if (!ModelState.IsValid) return Page();
        var unanswered = AlsfrsRScore.Of(Input.Responses).MissingItems;
        if (unanswered.Count > 0 && !SaveIncomplete)
        {
            // Nothing is stored until the user confirms that the unanswered items stay unanswered.
            AwaitingConfirmation = unanswered;
            return Page();
        }

        var assessment = Stored ?? new AlsfrsRAssessment { PatientId = id };
        if (Stored is null) Db.AlsfrsRAssessments.Add(assessment);
        else Db.Entry(assessment).Property(a => a.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        assessment.AssessedOn = Input.AssessedOn!.Value;
        assessment.Rater = Input.Rater;
        assessment.Mode = Input.Mode;
        assessment.VisitId = Input.VisitId;
        assessment.SetResponses(Input.Responses);
        return await SaveAsync(id, assessmentId, ct, Next == NextAdverseEvent && MayReportAdverseEvent
            ? RedirectToPage("/AdverseEvents/AdverseEventForm", new { id, eventId = NewRecordId })
            : null);
    }

    public async Task<IActionResult> OnPostVoidAsync(Guid id, string assessmentId, CancellationToken ct)
    {
        if (await LoadAsync(id, assessmentId, ct, track: true) is { } missing) return missing;
        return Void(Input.ConcurrencyStamp, stored => Input = AssessmentInput.From(stored)) ?? await SaveAsync(id, assessmentId, ct);
    }

    protected override string SavedDetail(AlsfrsRAssessment record) =>
        $" of {record.AssessedOn:yyyy-MM-dd}, " + (record.Total is { } total ? $"total {total}/48" : $"incomplete ({AlsfrsRScore.Of(record.Responses).MissingItems.Count} not answered, no total)");

    private Task<IActionResult> SaveAsync(Guid id, string assessmentId, CancellationToken ct, IActionResult? next = null) =>
        SaveAsync(() => Db.SaveWithSummaryAsync(id, ct), next ?? ToChart(id), async () =>
        {
            await LoadAsync(id, assessmentId, ct);
            Input = Stored is null ? Input : AssessmentInput.From(Stored);
        });

    private void Validate()
    {
        if (Input.ApplyQuickEntry() is { } quickEntryProblem) ModelState.AddFieldError(() => Input.QuickEntry, quickEntryProblem);
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
