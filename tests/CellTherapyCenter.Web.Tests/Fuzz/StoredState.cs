using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Fuzz;

/// <summary>
/// What a refused request must leave as it was: the rows of every table, and the audit trail's
/// writes (every create, update, void or delete is audited in the same transaction, so an
/// unchanged count of them means no stored record changed). Reads may be audited: they are not counted.
/// </summary>
public static class StoredState
{
    private static readonly string[] Writes =
        [AuditActions.Create, AuditActions.Update, AuditActions.Void, AuditActions.Delete, AuditActions.UserCreated, AuditActions.RoleChange];

    public static Task<string> CaptureAsync(RegistryAppFactory app) => app.WithDbAsync(async db =>
    {
        var counts = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.ClrType != typeof(AuditEntry) && e.FindPrimaryKey() is not null)
            .OrderBy(e => e.Name, StringComparer.Ordinal))
            counts.Add($"{entity.ClrType.Name}={await CountAsync(db, entity.ClrType)}");
        counts.Add($"audited writes={await db.AuditEntries.CountAsync(a => Writes.Contains(a.Action))}");
        return string.Join(", ", counts);
    });

    private static Task<int> CountAsync(RegistryDbContext db, Type type) =>
        (Task<int>)typeof(StoredState).GetMethod(nameof(CountOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [db])!;

    private static Task<int> CountOfAsync<T>(RegistryDbContext db) where T : class => db.Set<T>().CountAsync();
}
