namespace CellTherapyCenter.Data.History;

/// <summary>
/// A past version of a registry record, written in the same transaction as the save that replaced
/// it (only when the save replaced the record's concurrency stamp, i.e. its version): the record's
/// type and id, the version id (the old stamp), when the version was current, and its stored values
/// as JSON. The current version is the record itself. Never changed; deleted only with the
/// patient's identity when an erasure request is carried out (past versions hold the old name,
/// contact and notes that the pseudonymisation removes from the records themselves).
/// </summary>
public class RecordVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The record's CLR type name (AlsfrsRAssessment, Visit, ...).</summary>
    public required string EntityType { get; set; }

    public Guid EntityId { get; set; }

    /// <summary>The patient the record belongs to (<see cref="RegistryRecord.AuditPatientId"/>): an erasure deletes the patient's past versions.</summary>
    public Guid PatientId { get; set; }

    /// <summary>The version's concurrency stamp: meta.versionId of the FHIR resource of that version.</summary>
    public Guid VersionId { get; set; }

    /// <summary>When this version was saved (the record's UpdatedAt, or CreatedAt for its first version).</summary>
    public DateTime ValidFrom { get; set; }

    /// <summary>When the save that replaced it was made.</summary>
    public DateTime ValidTo { get; set; }

    /// <summary>The version's stored values by property name, as the database holds them (see <see cref="RecordHistory"/>).</summary>
    public required string Values { get; set; }
}
