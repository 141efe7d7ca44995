namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// Declares that a handler shows patient data, and what: the entity type (and usually the detail) of
/// its audit line. On a page model it covers the page's GET handlers; on a handler method it covers
/// that handler, whatever its verb. Minimal APIs carry it as endpoint metadata
/// (<see cref="ReadAuditEndpoints.ReadsPatientData"/>). The handler names which patient it read through
/// <see cref="PatientReadAudit"/>; a declared handler that answers with data without naming one is refused.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class ReadsPatientDataAttribute(string entityType, string? detail = null) : Attribute
{
    public string EntityType { get; } = entityType;
    public string? Detail { get; } = detail;
}

/// <summary>Declares that a handler shows no patient data, so it needs no read audit line.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class NoPatientDataAttribute : Attribute;
