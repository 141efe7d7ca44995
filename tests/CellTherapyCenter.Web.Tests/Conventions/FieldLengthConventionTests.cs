using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Conventions;

/// <summary>
/// Every text column has a length limit, so nothing unbounded reaches the database (issue 16, item 5).
/// </summary>
public sealed class FieldLengthConventionTests
{
    /// <summary>Unbounded on purpose: the audit trail's change lists are written by the app, never typed.</summary>
    private static readonly HashSet<string> Unbounded =
    [
        $"{nameof(AuditEntry)}.{nameof(AuditEntry.Changes)}",
        $"{nameof(AuditEntry)}.{nameof(AuditEntry.Detail)}",
    ];

    [Fact]
    public void Every_string_column_of_every_entity_has_a_max_length()
    {
        var options = new DbContextOptionsBuilder<SqliteRegistryDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteRegistryDbContext(options, SystemActor.Instance, TimeProvider.System);
        var offenders = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Entity: e, Property: p)))
            .Where(x => x.Property.ClrType == typeof(string) && x.Property.GetMaxLength() is null)
            .Select(x => $"{x.Entity.ClrType.Name}.{x.Property.Name}")
            .Where(name => !Unbounded.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(offenders.Count == 0, "Give these a HasMaxLength(FieldLengths.…) in their configuration: " + string.Join(", ", offenders));
    }
}
