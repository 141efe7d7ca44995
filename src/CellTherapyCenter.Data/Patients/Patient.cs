using CellTherapyCenter.Data.AdverseEvents;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Diagnoses;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Data.Vitals;

namespace CellTherapyCenter.Data.Patients;

public enum Sex
{
    Female = 1,
    Male = 2,
    Other = 3,
    Unknown = 9,
}

public enum VitalState
{
    Alive = 1,
    Deceased = 2,
}

public class Patient : RegistryRecord
{
    public required string FamilyName { get; set; }
    public required string GivenName { get; set; }
    public Sex Sex { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public string? Email { get; set; }
    /// <summary>E.164, e.g. +381642518820.</summary>
    public string? Phone { get; set; }
    public string? Address { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; set; } = "RS";
    /// <summary>BCP 47 language tag, e.g. "en", "sr", "uk".</summary>
    public string PreferredLanguage { get; set; } = "en";
    /// <summary>The code researchers see instead of identity; random, unique, never derived from personal data.</summary>
    public required string Pseudonym { get; set; }
    /// <summary>True for generated demo patients: shown as "synthetic" wherever they appear.</summary>
    public bool IsSynthetic { get; set; }

    // Summary kept up to date by PatientSummaries.Refresh so the list can filter and page without
    // scanning every assessment. Derived data: the source of truth stays in the records below.
    public Clinical.Staging.KingsStageValue? CurrentKingsStage { get; set; }
    public int? CurrentMitosStage { get; set; }
    public int? LatestAlsfrsRTotal { get; set; }
    public DateOnly? LastVisitOn { get; set; }
    public VitalState VitalState { get; set; } = VitalState.Alive;

    /// <summary>
    /// What the staff search matches (<see cref="PatientSearchText"/>): the folded names and their
    /// transliterations, the code's digits, the phone's digits, the email. Derived, never typed:
    /// written by <see cref="RefreshSearchText"/> on every save of the patient and not audited.
    /// </summary>
    public string SearchText { get; private set; } = "";

    public void RefreshSearchText() => SearchText = PatientSearchText.Of(FamilyName, GivenName, Pseudonym, Phone, Email);

    public List<ConsentRecord> Consents { get; set; } = [];
    public Diagnosis? Diagnosis { get; set; }
    public VitalStatus? VitalStatus { get; set; }
    public List<Visit> Visits { get; set; } = [];
    public List<AlsfrsRAssessment> AlsfrsRAssessments { get; set; } = [];
    public List<TreatmentCourse> TreatmentCourses { get; set; } = [];
    public List<AdverseEvent> AdverseEvents { get; set; } = [];

    public override Guid AuditPatientId => Id;
}
