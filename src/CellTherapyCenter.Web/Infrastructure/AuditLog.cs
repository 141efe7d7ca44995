using CellTherapyCenter.Web.Data;
using CellTherapyCenter.Web.Data.Model;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// Writes audit lines for what the change tracker cannot see: reads of patient data, sign-ins,
/// role changes. Changes to registry records are audited by the context itself.
/// </summary>
public sealed class AuditLog(RegistryDbContext db, IAuditActor actor, TimeProvider clock)
{
    public Task ReadAsync(string entityType, Guid patientId, string? entityId = null, string? detail = null, CancellationToken ct = default) =>
        WriteAsync(AuditActions.Read, entityType, entityId ?? patientId.ToString(), patientId, detail, ct);

    /// <summary>A list shown to the user: one line naming the filter and the patients on the page.</summary>
    public Task ListAsync(string entityType, IEnumerable<Guid> patientIds, string? filter, CancellationToken ct = default) =>
        WriteAsync(AuditActions.List, entityType, null, null,
            System.Text.Json.JsonSerializer.Serialize(new { filter, patients = patientIds }), ct);

    public async Task WriteAsync(string action, string? entityType, string? entityId, Guid? patientId, string? detail,
        CancellationToken ct = default, string? userName = null, string? userId = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId ?? actor.UserId,
            UserName = userName ?? actor.UserName,
            RemoteAddress = actor.RemoteAddress,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            PatientId = patientId,
            Detail = detail,
        });
        await db.SaveChangesAsync(ct);
    }
}
