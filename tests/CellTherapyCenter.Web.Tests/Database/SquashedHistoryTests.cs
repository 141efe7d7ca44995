using CellTherapyCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CellTherapyCenter.Web.Tests.Database;

/// <summary>
/// A database built by the eleven migrations that were squashed (their own SQL script, kept in
/// Database/Schema) is taken over at start-up: its history names the squashed Initial, nothing
/// else runs, and its schema is the reference. A history that stopped short is refused.
/// </summary>
public sealed class SquashedHistoryTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "sqlite")]
    [InlineData(DatabaseProvider.PostgreSQL, "postgresql")]
    public async Task A_database_of_the_squashed_migrations_is_taken_over(DatabaseProvider provider, string name)
    {
        await using var database = await PreSquashDatabaseAsync(provider, name);
        await using (var db = database.Context())
        {
            Assert.True(await RegistryMigrations.MigrateAsync(db, default));
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.False(await RegistryMigrations.MigrateAsync(db, default)); // once only
        }
        SchemaEqualityTests.AssertEqualsReference($"{name}.schema.txt", await database.DumpAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "sqlite")]
    [InlineData(DatabaseProvider.PostgreSQL, "postgresql")]
    public async Task A_database_short_of_the_last_squashed_migration_is_refused(DatabaseProvider provider, string name)
    {
        await using var database = await PreSquashDatabaseAsync(provider, name);
        await using var db = database.Context();
        var preSquash = provider == DatabaseProvider.Sqlite ? RegistryMigrations.SqlitePreSquash : RegistryMigrations.PostgreSqlPreSquash;
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetDeleteScript(preSquash[^1]));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => RegistryMigrations.MigrateAsync(db, default));
        Assert.Contains("refusing to start", refused.Message, StringComparison.Ordinal);
        Assert.Equal(preSquash.SkipLast(1), await db.Database.GetAppliedMigrationsAsync()); // left as it was
    }

    private static async Task<FreshDatabase> PreSquashDatabaseAsync(DatabaseProvider provider, string name)
    {
        var database = await FreshDatabase.CreateAsync(provider);
        await database.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Database", "Schema", $"{name}.pre-squash.sql")));
        return database;
    }
}
