using CellTherapyCenter.Data.Patients;

namespace CellTherapyCenter.Data.Vitals;

/// <summary>Vital status and the milestones survival analyses read (one per patient).</summary>
public class VitalStatus : RegistryRecord
{
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public bool IsAlive { get; set; } = true;
    public DateOnly? DateOfDeath { get; set; }
    public string? CauseOfDeath { get; set; }
    /// <summary>The last date the patient was known to be alive (censoring date).</summary>
    public DateOnly? LastKnownAliveOn { get; set; }
    public DateOnly? TracheostomyDate { get; set; }
    public DateOnly? PermanentVentilationDate { get; set; }
    public DateOnly? GastrostomyDate { get; set; }

    public override Guid AuditPatientId => PatientId;
}
