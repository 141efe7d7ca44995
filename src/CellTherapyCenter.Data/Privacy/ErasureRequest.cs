namespace CellTherapyCenter.Data.Privacy;

/// <summary>
/// A patient's request to erase their data (GDPR Art. 17), as the registry may honour it for health
/// care and research (Art. 17(3)(c) and (d)). Recording it restricts processing at once (Art. 18):
/// no reminders, no public case, no portal sign-in, and the patient is shown as restricted. Then the
/// identifying fields are pseudonymised while the research data stay (<see cref="PseudonymisedAt"/>).
/// One live request per patient; voiding it (a request withdrawn before pseudonymisation) lifts the
/// restriction. Audited as every registry record is, so each step has its line.
/// </summary>
public class ErasureRequest : RegistryRecord
{
    public Guid PatientId { get; set; }
    /// <summary>The day the patient asked (it may have come by letter before it was recorded).</summary>
    public DateOnly ReceivedOn { get; set; }
    /// <summary>The staff member who recorded the request.</summary>
    public string? RecordedBy { get; set; }
    /// <summary>When processing was restricted: the same moment the request was recorded.</summary>
    public DateTime RestrictedAt { get; set; }
    public DateTime? PseudonymisedAt { get; set; }
    public string? PseudonymisedBy { get; set; }

    public bool IsPseudonymised => PseudonymisedAt is not null;

    public override Guid AuditPatientId => PatientId;
}
