using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Data.Patients;

namespace CellTherapyCenter.Data.Diagnoses;

public class Diagnosis : RegistryRecord
{
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public DateOnly? OnsetDate { get; set; }
    public OnsetSite? OnsetSite { get; set; }
    public BodyRegions AffectedRegions { get; set; }
    public DateOnly? DiagnosisDate { get; set; }
    public ElEscorialCategory? ElEscorial { get; set; }
    public bool? GoldCoastMet { get; set; }
    public bool? FrontotemporalDementia { get; set; }
    public GeneticResult C9orf72 { get; set; }
    public GeneticResult Sod1 { get; set; }
    public string? OtherGenetics { get; set; }
    public bool TakesRiluzole { get; set; }
    public bool TakesEdaravone { get; set; }
    public bool TakesTofersen { get; set; }
    public string? OtherAlsDrugs { get; set; }
    /// <summary>Where the form stands; incomplete while onset, onset site, diagnosis date or El Escorial category is missing.</summary>
    public FormStatus Status { get; set; } = FormStatus.Unverified;

    public override Guid AuditPatientId => PatientId;
}
