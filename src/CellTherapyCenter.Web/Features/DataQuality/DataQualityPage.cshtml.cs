using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.DataQuality;

/// <summary>The registry's data-quality rules and the records that break them, each linked to its form (read-audited: it names patients).</summary>
[Authorize(Policy = StaffPolicies.EditRegistry)]
[ReadsPatientData("DataQuality", "data-quality rules")]
public sealed class DataQualityPageModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock, IOptions<FollowUpOptions> options) : PageModel
{
    public DataQualityReport Report { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = FollowUpSchedule.ClinicToday(clock, options.Value);
        Report = await DataQualityRules.RunAsync(db, Today, DataQualityRules.GapDays(options.Value), ct);
        audit.List(Report.PatientIds, "data quality");
    }

    public PatientIdentityView Identity(FindingPatient p) =>
        PatientIdentityView.For(User, p.Id, p.FamilyName, p.GivenName, p.Pseudonym, p.DateOfBirth, p.IsSynthetic);

    /// <summary>The form that corrects the finding (for a gap: a new ALSFRS-R).</summary>
    public (string? Href, string Text) LinkTo(Finding f) => f.Record switch
    {
        FindingRecord.Visit => (Url.Page("/Visits/VisitForm", new { id = f.Patient.Id, visitId = f.RecordId }), "open the visit"),
        FindingRecord.Assessment => (Url.Page("/Assessments/AssessmentForm", new { id = f.Patient.Id, assessmentId = f.RecordId }), "open the ALSFRS-R"),
        FindingRecord.Course => (Url.Page("/Courses/CourseForm", new { id = f.Patient.Id, courseId = f.RecordId }), "open the course"),
        FindingRecord.Diagnosis => (Url.Page("/Diagnoses/DiagnosisForm", new { id = f.Patient.Id }), "open the diagnosis"),
        FindingRecord.AdverseEvent => (Url.Page("/AdverseEvents/AdverseEventForm", new { id = f.Patient.Id, eventId = f.RecordId }), "open the adverse event"),
        _ => (Url.Page("/Assessments/AssessmentForm", new { id = f.Patient.Id, assessmentId = RecordFormModel<Data.Assessments.AlsfrsRAssessment>.NewRecordId }), "record an ALSFRS-R"),
    };
}
