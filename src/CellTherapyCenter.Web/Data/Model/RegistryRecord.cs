namespace CellTherapyCenter.Web.Data.Model;

/// <summary>
/// Base of every editable registry record: a time-ordered id, an optimistic-concurrency stamp
/// that changes on every save, and voiding instead of deletion (nothing in the registry is deleted).
/// </summary>
public abstract class RegistryRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Replaced on every update; a save whose stamp no longer matches is refused.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? VoidReason { get; set; }
    public string? VoidedBy { get; set; }

    public bool IsVoided => VoidedAt is not null;

    /// <summary>Marks the record void; it stays stored and in the audit trail.</summary>
    public void Void(string reason, string? by, DateTime at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        VoidedAt = at;
        VoidReason = reason.Trim();
        VoidedBy = by;
    }

    /// <summary>The patient this record belongs to, for the audit trail.</summary>
    public abstract Guid AuditPatientId { get; }
}
