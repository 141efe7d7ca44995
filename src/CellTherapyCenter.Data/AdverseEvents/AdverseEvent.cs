using CellTherapyCenter.Clinical.AdverseEvents;
using CellTherapyCenter.Data.Patients;

namespace CellTherapyCenter.Data.AdverseEvents;

public class AdverseEvent : RegistryRecord
{
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public Guid? TreatmentCourseId { get; set; }
    public required string Term { get; set; }
    public DateOnly OnsetDate { get; set; }
    public DateOnly? ResolvedDate { get; set; }
    public CtcaeGrade Grade { get; set; }
    public Relatedness Relatedness { get; set; }
    public bool Serious { get; set; }
    public AdverseEventOutcome Outcome { get; set; }
    public string? Description { get; set; }
    /// <summary>Where the form stands; incomplete while the outcome is unknown or a recovery has no date.</summary>
    public FormStatus Status { get; set; } = FormStatus.Unverified;

    public override Guid AuditPatientId => PatientId;
}
