using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data.Patients;

namespace CellTherapyCenter.Data.Courses;

public enum AdministrationRoute
{
    [Display(Name = "Intravenous drip")]
    IntravenousDrip = 1,
    Subcutaneous = 2,
    Other = 9,
}

public class TreatmentCourse : RegistryRecord
{
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    /// <summary>1 for the first course, 2 for the first repeat, and so on.</summary>
    public int Number { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Notes { get; set; }
    /// <summary>Where the form stands; incomplete while no transplantation is recorded.</summary>
    public FormStatus Status { get; set; } = FormStatus.Unverified;
    public List<Transplantation> Transplantations { get; set; } = [];

    public override Guid AuditPatientId => PatientId;
}

public class Transplantation : RegistryRecord
{
    public Guid TreatmentCourseId { get; set; }
    public TreatmentCourse? TreatmentCourse { get; set; }
    public Guid PatientId { get; set; }
    public DateOnly Date { get; set; }
    public required string CellProductLot { get; set; }
    public int SuspensionCount { get; set; }
    /// <summary>Total volume of the suspensions given, in millilitres.</summary>
    public decimal VolumeMl { get; set; }
    public AdministrationRoute Route { get; set; }

    public override Guid AuditPatientId => PatientId;
}
