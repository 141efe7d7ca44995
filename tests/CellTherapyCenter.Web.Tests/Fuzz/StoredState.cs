using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Fuzz;

/// <summary>
/// What a refused request must leave as it was: the rows of every table, and the audit trail's
/// writes (every create, update, void or delete is audited in the same transaction, so an
/// unchanged newest one means no stored record changed). Reads may be audited: they are not counted.
/// </summary>
public static class StoredState
{
    private static readonly string[] Writes =
        [AuditActions.Create, AuditActions.Update, AuditActions.Void, AuditActions.Delete, AuditActions.UserCreated, AuditActions.RoleChange];

    /// <summary>One statement counting every table, so a thousand cases cost a thousand round trips, not forty thousand.</summary>
    public static Task<string> CaptureAsync(RegistryAppFactory app) => app.WithDbAsync(async db =>
    {
        var sql = CountsSql(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var counts = new List<string>();
            for (var i = 0; i < reader.FieldCount; i++) counts.Add($"{reader.GetName(i)}={reader.GetValue(i)}");
            return string.Join(", ", counts);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Sql = new();

    /// <summary>SELECT (SELECT COUNT(*) FROM "T1") AS "T1", ...: every table of a keyed, unowned entity, plus the newest audited write.</summary>
    private static string CountsSql(RegistryDbContext db) => Sql.GetOrAdd(db.Database.ProviderName!, _ =>
    {
        var tables = db.Model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.ClrType != typeof(AuditEntry) && e.FindPrimaryKey() is not null && e.GetTableName() is not null)
            .Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal);
        var columns = tables.Select(t => $"(SELECT COUNT(*) FROM \"{t}\") AS \"{t}\"").ToList();
        var writes = string.Join(", ", Writes.Select(w => $"'{w}'"));
        // The newest audited write, not their count: read backwards along the key, it stops at the first
        // write instead of reading every line (the pages' read audits make the table grow by the thousand).
        columns.Add($"(SELECT \"Id\" FROM \"AuditEntries\" WHERE \"Action\" IN ({writes}) ORDER BY \"Id\" DESC LIMIT 1) AS \"last audited write\"");
        return "SELECT " + string.Join(", ", columns);
    });
}
