using System.Data.Common;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// Writes audit lines for what the change tracker cannot see: reads of patient data, sign-ins,
/// role changes. Changes to registry records are audited by the context itself.
/// </summary>
public sealed class AuditLog(RegistryDbContext db, IAuditActor actor, TimeProvider clock)
{
    public Task ReadAsync(string entityType, Guid patientId, string? entityId = null, string? detail = null, CancellationToken ct = default) =>
        WriteReadAsync(AuditActions.Read, entityType, entityId ?? patientId.ToString(), patientId, detail, ct);

    /// <summary>A list shown to the user: one line naming the filter and the patients on the page.</summary>
    public Task ListAsync(string entityType, IEnumerable<Guid> patientIds, string? filter, CancellationToken ct = default) =>
        WriteReadAsync(AuditActions.List, entityType, null, null,
            System.Text.Json.JsonSerializer.Serialize(new { filter, patients = patientIds }), ct);

    /// <summary>
    /// A read or list line, committed before the caller goes on. The pages that read patient data
    /// usually change nothing, and then the line is inserted by itself: going through SaveChanges
    /// (change detection, the registry's auditing pass, update pipeline) for one append-only row
    /// was a sixth of the CPU of a chart request (docs/benchmarks.md). If the context does hold
    /// changes, they are saved with the line in one transaction, as before.
    /// </summary>
    private async Task WriteReadAsync(string action, string entityType, string? entityId, Guid? patientId, string? detail, CancellationToken ct)
    {
        if (db.ChangeTracker.HasChanges())
        {
            await WriteAsync(action, entityType, entityId, patientId, detail, ct);
            return;
        }
        await using var command = LineCommand(action, entityType, entityId, patientId, detail);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The read line as a command for the page to send with its own queries (<see cref="QueryBatch"/>),
    /// so that it is committed in the same round trip, before the page is sent; null when the
    /// context holds changes, which <see cref="ReadAsync"/> then saves with the line.
    /// </summary>
    internal DbCommand? ReadCommand(string entityType, Guid patientId, string? detail) =>
        db.ChangeTracker.HasChanges() ? null : LineCommand(AuditActions.Read, entityType, patientId.ToString(), patientId, detail);

    /// <summary>One audit line's INSERT, outside the change tracker.</summary>
    private DbCommand LineCommand(string action, string entityType, string? entityId, Guid? patientId, string? detail)
    {
        var values = new (string Column, object? Value)[]
        {
            (nameof(AuditEntry.At), clock.GetUtcNow().UtcDateTime), (nameof(AuditEntry.UserId), actor.UserId),
            (nameof(AuditEntry.UserName), actor.UserName), (nameof(AuditEntry.RemoteAddress), actor.RemoteAddress),
            (nameof(AuditEntry.Action), action), (nameof(AuditEntry.EntityType), entityType),
            (nameof(AuditEntry.EntityId), entityId), (nameof(AuditEntry.PatientId), patientId), (nameof(AuditEntry.Detail), detail),
        };
        var entity = db.Model.FindEntityType(typeof(AuditEntry))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var command = db.Database.GetDbConnection().CreateCommand();
        var names = values.Select((_, i) => $"p{i}").ToArray();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier("AuditEntries")} ({string.Join(", ", values.Select(v => sql.DelimitIdentifier(v.Column)))}) " +
            $"VALUES ({string.Join(", ", names.Select(sql.GenerateParameterNamePlaceholder))})";
        // Parameters get the provider's own mappings (a Guid is TEXT on SQLite), as the entity's values would.
        for (var i = 0; i < values.Length; i++)
            command.Parameters.Add(entity.FindProperty(values[i].Column)!.GetRelationalTypeMapping()
                .CreateParameter(command, sql.GenerateParameterName(names[i]), values[i].Value, nullable: true));
        return command;
    }

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
