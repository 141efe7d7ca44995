using CellTherapyCenter.Data.AdverseEvents;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Diagnoses;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Data.Vitals;
using CellTherapyCenter.Web.Features.FollowUp;

namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>The generated records of the demo cohort, flat, with their foreign keys set.</summary>
public sealed class DemoCohort
{
    public List<Patient> Patients { get; } = [];
    public List<ConsentRecord> Consents { get; } = [];
    public List<Diagnosis> Diagnoses { get; } = [];
    public List<VitalStatus> VitalStatuses { get; } = [];
    public List<TreatmentCourse> Courses { get; } = [];
    public List<Transplantation> Transplantations { get; } = [];
    public List<Visit> Visits { get; } = [];
    public List<SymptomObservation> Symptoms { get; } = [];
    public List<ExaminationFinding> ExaminationFindings { get; } = [];
    public List<PatientReportedChange> ReportedChanges { get; } = [];
    public List<AlsfrsRAssessment> Assessments { get; } = [];
    public List<AdverseEvent> AdverseEvents { get; } = [];
    /// <summary>Filled by the seeder (it depends on the <c>FollowUp</c> options, not on the random cohort).</summary>
    public List<FollowUpItem> FollowUpItems { get; } = [];

    public IEnumerable<object> AllRecords() =>
        Patients.Cast<object>().Concat(Consents).Concat(Diagnoses).Concat(VitalStatuses).Concat(Courses)
            .Concat(Transplantations).Concat(Visits).Concat(Symptoms).Concat(ExaminationFindings)
            .Concat(ReportedChanges).Concat(Assessments).Concat(AdverseEvents).Concat(FollowUpItems);
}
