using CellTherapyCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Database;

/// <summary>
/// The migrations build exactly the schema of the reference dumps in Database/Schema, which were
/// taken from the eleven migrations per provider that were squashed into one: tables, columns,
/// defaults, constraints, partial and covering indexes, the audit trail's triggers. A difference
/// fails with the lines that differ, and the whole dump is written next to the test binary.
/// </summary>
public sealed class SchemaEqualityTests
{
    [Fact]
    public Task Sqlite_schema_equals_the_reference() => AssertMatchesReferenceAsync(DatabaseProvider.Sqlite, "sqlite.schema.txt");

    [Fact]
    public Task PostgreSql_schema_equals_the_reference() => AssertMatchesReferenceAsync(DatabaseProvider.PostgreSQL, "postgresql.schema.txt");

    private static async Task AssertMatchesReferenceAsync(DatabaseProvider provider, string reference)
    {
        await using var database = await FreshDatabase.CreateAsync(provider);
        await using (var db = database.Context())
            await db.Database.MigrateAsync();
        var actual = await database.DumpAsync();
        AssertEqualsReference(reference, actual);
    }

    internal static void AssertEqualsReference(string reference, string actual)
    {
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Database", "Schema", reference)).ReplaceLineEndings("\n");
        if (expected == actual) return;
        var written = Path.Combine(AppContext.BaseDirectory, reference + ".actual");
        File.WriteAllText(written, actual);
        // A migration that changes the schema on purpose makes this fail too: then the new dump,
        // reviewed, becomes the reference (copy the .actual file over Database/Schema/{reference}).
        Assert.Fail($"The migrated schema differs from {reference} (whole dump in {written}; if the change is meant, " +
            $"review it and copy that file over Database/Schema/{reference}):\n{SchemaDump.Diff(expected, actual)}");
    }
}
