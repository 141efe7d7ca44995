namespace CellTherapyCenter.Data;

/// <summary>
/// Base of every editable registry record: a time-ordered id, an optimistic-concurrency stamp
/// that changes on every save, and voiding instead of deletion (nothing in the registry is deleted).
/// </summary>
public abstract class RegistryRecord
{
    // Both values are made on first read, not in the constructor: EF Core materialises thousands
    // of records per chart and overwrites them at once, and each new Guid costs a getrandom call.
    // The fields are deliberately not named after the properties, so EF Core sets and reads them
    // through the properties (a conventional backing field would bypass the lazy getters).
    private Guid _lazyId;
    private Guid _lazyStamp;

    public Guid Id
    {
        get => _lazyId == Guid.Empty ? _lazyId = Guid.CreateVersion7() : _lazyId;
        set => _lazyId = value;
    }

    /// <summary>Replaced on every update; a save whose stamp no longer matches is refused.</summary>
    public Guid ConcurrencyStamp
    {
        get => _lazyStamp == Guid.Empty ? _lazyStamp = Guid.NewGuid() : _lazyStamp;
        set => _lazyStamp = value;
    }
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
