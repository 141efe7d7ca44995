using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data.Patients;

namespace CellTherapyCenter.Data.Consents;

public enum ConsentKind
{
    [Display(Name = "Processing of health data")]
    HealthDataProcessing = 1,
    [Display(Name = "Research use")]
    ResearchUse = 2,
    [Display(Name = "Publication as a case")]
    CasePublication = 3,
    [Display(Name = "Contact by email")]
    ContactByEmail = 4,
}

public class ConsentRecord : RegistryRecord
{
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public ConsentKind Kind { get; set; }
    /// <summary>The exact wording the patient agreed to.</summary>
    public required string Wording { get; set; }
    public DateTime GivenAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }

    public bool IsInForce => WithdrawnAt is null && !IsVoided;
    public override Guid AuditPatientId => PatientId;
}
