using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CellTherapyCenter.Web.Tests.Database;

/// <summary>
/// An empty database of one provider with no app around it, for tests of the schema itself:
/// a temporary SQLite file, or a new database on the test PostgreSQL server. Dropped on dispose.
/// </summary>
public sealed class FreshDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly string? _pgDatabase;

    private FreshDatabase(DatabaseProvider provider, string connectionString, string? directory, string? pgDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
        _pgDatabase = pgDatabase;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<FreshDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("ctc-schema-").FullName;
            var cs = DatabaseSetup.SqliteConnectionString($"Data Source={Path.Combine(directory, "registry.db")};Pooling=False", null);
            return new FreshDatabase(provider, cs, directory, null);
        }
        var name = "ctc_schema_" + Guid.NewGuid().ToString("N")[..12];
        await using (var server = await OpenServerAsync())
        await using (var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server))
            await command.ExecuteNonQueryAsync();
        var pg = DatabaseSetup.PostgreSqlConnectionString(
            new NpgsqlConnectionStringBuilder(PostgreSqlApp.ServerConnectionString) { Database = name, Pooling = false }.ToString());
        return new FreshDatabase(provider, pg, null, name);
    }

    /// <summary>The registry's context on this database, configured as the app configures it.</summary>
    public RegistryDbContext Context()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteRegistryDbContext>();
            DatabaseSetup.ConfigureSqlite(options, ConnectionString);
            return new SqliteRegistryDbContext(options.Options, SystemActor.Instance, TimeProvider.System);
        }
        var pgOptions = new DbContextOptionsBuilder<PostgreSqlRegistryDbContext>();
        DatabaseSetup.ConfigurePostgreSql(pgOptions, ConnectionString);
        return new PostgreSqlRegistryDbContext(pgOptions.Options, SystemActor.Instance, TimeProvider.System);
    }

    /// <summary>Runs SQL text of many statements as it stands (a migration script).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var db = Context();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<string> DumpAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(ConnectionString);
            await sqlite.OpenAsync();
            return await SchemaDump.SqliteAsync(sqlite);
        }
        await using var pg = new NpgsqlConnection(ConnectionString);
        await pg.OpenAsync();
        return await SchemaDump.PostgreSqlAsync(pg);
    }

    private static async Task<NpgsqlConnection> OpenServerAsync()
    {
        var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgreSqlApp.ServerConnectionString) { Database = "postgres", Pooling = false }.ToString());
        await server.OpenAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is not null)
        {
            try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
            return;
        }
        await using var server = await OpenServerAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", server);
        await command.ExecuteNonQueryAsync();
    }
}
