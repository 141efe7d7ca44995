using System.Text.Json;

using CellTherapyCenter.Data.History;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Data.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CellTherapyCenter.Data.Auditing;

/// <summary>
/// Turns tracked changes into audit lines before they are saved, in the same transaction:
/// creates and updates with old and new values, voids. Deletion of registry records and any
/// change to audit lines are refused.
/// </summary>
internal static class RegistryAuditing
{
    // The patient's search column is derived from fields that are audited themselves.
    private static readonly HashSet<string> Bookkeeping =
        [nameof(RegistryRecord.ConcurrencyStamp), nameof(RegistryRecord.UpdatedAt), nameof(RegistryRecord.CreatedAt), nameof(Patient.SearchText)];

    private static readonly HashSet<string> DerivedProperties =
    [
        nameof(Patient.CurrentKingsStage), nameof(Patient.CurrentMitosStage), nameof(Patient.LatestAlsfrsRTotal),
        nameof(Patient.LastVisitOn), nameof(Patient.VitalState),
    ];

    public static void Apply(DbContext db, IAuditActor actor, DateTime now, bool writeAudit)
    {
        var lines = new List<AuditEntry>();
        var versions = new List<RecordVersion>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The audit trail is append-only.");
            if (entry.Entity is RecordVersion && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("Past versions of records are never changed.");
            if (entry.Entity is not RegistryRecord record) continue;

            switch (entry.State)
            {
                case EntityState.Deleted:
                    throw new InvalidOperationException(
                        $"{entry.Metadata.ClrType.Name} records are never deleted: void them with a reason.");
                case EntityState.Added:
                    record.CreatedAt = now;
                    if (writeAudit) lines.Add(Line(actor, now, AuditActions.Create, record, Snapshot(entry)));
                    break;
                case EntityState.Modified:
                    var changes = Changes(entry);
                    if (changes.Count == 0) { entry.State = EntityState.Unchanged; continue; }
                    record.UpdatedAt = now;
                    // Derived summary columns change when other records do; they must not make a
                    // user's open edit form of the same record look stale.
                    if (changes.Keys.Any(k => !DerivedProperties.Contains(k)))
                    {
                        // A new version: the one it replaces goes into the history (FHIR vread, _history).
                        versions.Add(RecordHistory.Replaced(entry, record, now));
                        record.ConcurrencyStamp = Guid.NewGuid();
                    }
                    var action = entry.Property(nameof(RegistryRecord.VoidedAt)).IsModified && record.VoidedAt is not null
                        ? AuditActions.Void : AuditActions.Update;
                    if (writeAudit) lines.Add(Line(actor, now, action, record, changes));
                    break;
            }
        }
        db.Set<AuditEntry>().AddRange(lines);
        GuardParentsOfChangedParts(db, now, versions);
        db.Set<RecordVersion>().AddRange(versions);
    }

    /// <summary>
    /// A visit is edited as one form with its symptom, examination and reported-change rows. When
    /// only those rows change, the visit row itself would not be written, so its concurrency stamp
    /// would neither be checked nor replaced and a second editor of the same visit would overwrite
    /// the first without warning. Writing a new stamp on the parent makes EF Core check the stamp
    /// the form was loaded with, and makes the next stale form fail.
    /// </summary>
    private static void GuardParentsOfChangedParts(DbContext db, DateTime now, List<RecordVersion> versions)
    {
        var visitIds = db.ChangeTracker.Entries<IVisitPart>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => e.Entity.VisitId).ToHashSet();
        if (visitIds.Count == 0) return;
        foreach (var visit in db.ChangeTracker.Entries<Visit>())
        {
            if (visit.State != EntityState.Unchanged || !visitIds.Contains(visit.Entity.Id)) continue;
            versions.Add(RecordHistory.Replaced(visit, visit.Entity, now));
            visit.Entity.ConcurrencyStamp = Guid.NewGuid();
            visit.Entity.UpdatedAt = now;
        }
    }

    private static AuditEntry Line(IAuditActor actor, DateTime now, string action, RegistryRecord record, object changes) => new()
    {
        At = now,
        UserId = actor.UserId,
        UserName = actor.UserName,
        RemoteAddress = actor.RemoteAddress,
        Action = action,
        EntityType = record.GetType().Name,
        EntityId = record.Id.ToString(),
        PatientId = record.AuditPatientId,
        Changes = JsonSerializer.Serialize(changes),
    };

    private static Dictionary<string, object?> Snapshot(EntityEntry entry) =>
        Columns(entry)
            .Where(p => !Bookkeeping.Contains(p.Metadata.Name))
            .ToDictionary(p => p.Metadata.Name, p => Plain(p.CurrentValue));

    private static Dictionary<string, object?> Changes(EntityEntry entry) =>
        Columns(entry)
            .Where(p => p.IsModified && !Bookkeeping.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
            .ToDictionary(p => p.Metadata.Name, p => (object?)new { old = Plain(p.OriginalValue), @new = Plain(p.CurrentValue) });

    /// <summary>
    /// Every stored value of the entry, the members of complex types (the ALSFRS-R answers)
    /// included under their own names, in EF Core's order for plain properties (key first, then
    /// by name), so lines read as they did when each answer was its own property.
    /// </summary>
    private static IEnumerable<PropertyEntry> Columns(EntityEntry entry) =>
        entry.Properties.Concat(entry.ComplexProperties.SelectMany(ComplexColumns))
            .OrderBy(p => p.Metadata.IsPrimaryKey() ? 0 : 1).ThenBy(p => p.Metadata.Name, StringComparer.Ordinal);

    private static IEnumerable<PropertyEntry> ComplexColumns(ComplexPropertyEntry complex) =>
        complex.Properties.Concat(complex.ComplexProperties.SelectMany(ComplexColumns));

    private static object? Plain(object? value) => value is Enum e ? e.ToString() : value;
}
