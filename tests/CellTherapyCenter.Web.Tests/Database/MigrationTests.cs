using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Database;

/// <summary>A model change without a migration for this provider (scripts/add-migration.sh) fails here.</summary>
public abstract class MigrationTests<TApp>(TApp app) where TApp : RegistryAppFactory
{
    [Fact]
    public async Task The_migrations_cover_the_whole_model()
    {
        _ = app.Server;
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
            "The model has changes no migration covers: run scripts/add-migration.sh Name.");
        Assert.Empty(await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task Sqlite_runs_in_wal_mode_with_full_synchronous_writes()
    {
        if (app.Provider != DatabaseProvider.Sqlite) return;
        var (journal, synchronous) = await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var j = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous";
            var s = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            return (j, s);
        });
        Assert.Equal("wal", journal);
        Assert.Equal(2, synchronous); // 2 = FULL
    }

    [Fact]
    public async Task PostgreSql_commits_synchronously()
    {
        if (app.Provider != DatabaseProvider.PostgreSQL) return;
        var setting = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('synchronous_commit') AS \"Value\"").SingleAsync());
        Assert.Equal("on", setting);
    }
}

public sealed class MigrationTests_Sqlite(SqliteApp app) : MigrationTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class MigrationTests_PostgreSql(PostgreSqlApp app) : MigrationTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
