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
    /// <summary>
    /// A read or list line (<see cref="PatientReadAudit"/>), committed before the caller goes on. It is
    /// inserted by itself, in the request's transaction if one is open: going through SaveChanges
    /// (change detection, the registry's auditing pass, update pipeline) for one append-only row was a
    /// sixth of the CPU of a chart request (docs/benchmarks.md), and it would save whatever a refused
    /// form left in the change tracker.
    /// </summary>
    internal async Task WriteLineAsync(string action, string entityType, string? entityId, Guid? patientId, string? detail, CancellationToken ct)
    {
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

    /// <summary>One audit line's INSERT, outside the change tracker.</summary>
    internal DbCommand LineCommand(string action, string entityType, string? entityId, Guid? patientId, string? detail)
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
            // A name passed in is what someone typed (a failed sign-in): bounded and cleaned.
            UserName = userName is null ? actor.UserName : AuditText.Bounded(userName),
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
