using CellTherapyCenter.Data.Assessments;

namespace CellTherapyCenter.Data.Fhir;

/// <summary>
/// Where an ALSFRS-R written through the FHIR API came from: the client that sent it, as what
/// resource, with which business identifier, and under which conditional-create condition. Staff
/// and portal entries have none, so this row is what tells a client's write apart from theirs (the
/// assessment's audit lines carry the client too) and decides whether a client may update it.
/// <see cref="ConditionKey"/> is unique: of concurrent conditional creates with the same condition
/// exactly one insert succeeds, and the others answer with its record (fhir-server #1382).
/// </summary>
public class FhirSubmission
{
    public Guid AssessmentId { get; set; }
    public AlsfrsRAssessment? Assessment { get; set; }
    /// <summary>The OAuth client_id of the client that created the record.</summary>
    public required string ClientId { get; set; }
    /// <summary>Observation or QuestionnaireResponse.</summary>
    public required string ResourceType { get; set; }
    /// <summary>The resource's first identifier, as the client sent it.</summary>
    public string? IdentifierSystem { get; set; }
    public string? IdentifierValue { get; set; }
    /// <summary>SHA-256 (hex) of the normalised If-None-Exist condition the record was created under.</summary>
    public string? ConditionKey { get; set; }
    public DateTime CreatedAt { get; set; }
}
