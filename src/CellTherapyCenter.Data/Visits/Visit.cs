using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Clinical.DataQuality;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Patients;

namespace CellTherapyCenter.Data.Visits;

public enum VisitKind
{
    Baseline = 1,
    [Display(Name = "Follow-up")]
    FollowUp = 2,
    Unscheduled = 3,
    Remote = 4,
}

public enum ExaminationDomain
{
    [Display(Name = "Range of motion")]
    RangeOfMotion = 1,
    Rigidity = 2,
    Reflexes = 3,
    [Display(Name = "Fasciculation zones")]
    FasciculationZones = 4,
    Dysphagia = 5,
    Dysarthria = 6,
}

public enum ExaminationChange
{
    Improved = 1,
    Unchanged = 2,
    Worsened = 3,
}

public class Visit : RegistryRecord
{
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public DateOnly Date { get; set; }
    public VisitKind Kind { get; set; }
    /// <summary>The course this visit is a baseline or follow-up of, if any.</summary>
    public Guid? TreatmentCourseId { get; set; }
    public TreatmentCourse? TreatmentCourse { get; set; }
    public double? FvcPercentPredicted { get; set; }
    /// <summary>Why FVC was asked for but has no value; never set together with a value.</summary>
    public MissingCode? FvcPercentPredictedMissing { get; set; }
    public double? WeightKg { get; set; }
    /// <summary>Why the weight was asked for but has no value; never set together with a value.</summary>
    public MissingCode? WeightKgMissing { get; set; }
    public string? Notes { get; set; }
    public FormStatus Status { get; set; } = FormStatus.Unverified;
    /// <summary>Why values outside the usual ranges (<see cref="RangeRules"/>) were saved anyway; null when none were.</summary>
    public string? RangeWarningReason { get; set; }

    public List<SymptomObservation> Symptoms { get; set; } = [];
    public List<ExaminationFinding> ExaminationFindings { get; set; } = [];
    public List<PatientReportedChange> ReportedChanges { get; set; } = [];

    public override Guid AuditPatientId => PatientId;
}

/// <summary>A row recorded on a visit's form; changing it counts as changing the visit (optimistic concurrency).</summary>
public interface IVisitPart
{
    Guid VisitId { get; }
}

/// <summary>One of the 13 manifestations at a visit, with its severity.</summary>
public class SymptomObservation : RegistryRecord, IVisitPart
{
    public Guid VisitId { get; set; }
    public Guid PatientId { get; set; }
    public AlsSymptom Symptom { get; set; }
    public SymptomSeverity Severity { get; set; }
    public override Guid AuditPatientId => PatientId;
}

/// <summary>A clinician's examination finding in one domain, compared with the course baseline.</summary>
public class ExaminationFinding : RegistryRecord, IVisitPart
{
    public Guid VisitId { get; set; }
    public Guid PatientId { get; set; }
    public ExaminationDomain Domain { get; set; }
    public ExaminationChange Change { get; set; }
    public string? Note { get; set; }
    public override Guid AuditPatientId => PatientId;
}

/// <summary>The patient's own rating of change in one aspect on the 7-point scale.</summary>
public class PatientReportedChange : RegistryRecord, IVisitPart
{
    public Guid VisitId { get; set; }
    public Guid PatientId { get; set; }
    public ChangeAspect Aspect { get; set; }
    public ChangeRating Rating { get; set; }
    public override Guid AuditPatientId => PatientId;
}
