using CellTherapyCenter.Outcomes;
using CellTherapyCenter.Web.Data;
using CellTherapyCenter.Web.Features.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Cli.Commands;

/// <summary>
/// <c>claims --database CONNECTION [--provider sqlite|postgresql]</c>: the claims audit computed
/// from a registry database, as JSON. CONNECTION is a PostgreSQL connection string ("Host=..."),
/// a SQLite connection string ("Data Source=...") or the path of a SQLite file. Read-only, except
/// for one audit line recording that the registry was read for the audit.
/// </summary>
public static class ClaimsCommand
{
    public static async Task RunAsync(CommandOptions options, TextWriter output)
    {
        options.AllowOnly("database", "provider");
        var connection = options.Required("database");
        var provider = ProviderOf(connection, options.Optional("provider"));
        await using var db = Open(provider, connection);
        RegistryFacts.Snapshot snapshot;
        try
        {
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
                throw new CliException("the database is not a registry at the current schema (run the web app once to migrate it)");
            snapshot = await RegistryFacts.LoadAsync(db, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
            db.AuditEntries.Add(new Web.Data.Model.AuditEntry
            {
                At = DateTime.UtcNow,
                UserName = "ctc claims (command line)",
                Action = Web.Data.Model.AuditActions.Read,
                EntityType = "ClaimsAudit",
                Detail = "all treated patients",
            });
            await db.SaveChangesAsync();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            throw new CliException($"cannot read the registry: {e.Message}");
        }
        await output.WriteAsync(ClaimsAuditJson.Write(ClaimsAudit.Compute(snapshot.Patients, snapshot.DataDate)));
    }

    private static DatabaseProvider ProviderOf(string connection, string? provider) => provider?.ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgresql" or "postgres" => DatabaseProvider.PostgreSQL,
        null => connection.Contains("Host=", StringComparison.OrdinalIgnoreCase) || connection.Contains("Server=", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite,
        _ => throw new CliException($"--provider must be sqlite or postgresql, not '{provider}'", isUsage: true),
    };

    private static RegistryDbContext Open(DatabaseProvider provider, string connection)
    {
        if (provider == DatabaseProvider.PostgreSQL)
        {
            var options = new DbContextOptionsBuilder<PostgreSqlRegistryDbContext>();
            DatabaseSetup.ConfigurePostgreSql(options, DatabaseSetup.PostgreSqlConnectionString(connection));
            return new PostgreSqlRegistryDbContext(options.Options, SystemActor.Instance, TimeProvider.System);
        }
        var path = connection.Contains('=') ? null : connection;
        if (path is not null && !File.Exists(path)) throw new CliException($"no SQLite database at {path}");
        var sqlite = new DbContextOptionsBuilder<SqliteRegistryDbContext>();
        DatabaseSetup.ConfigureSqlite(sqlite, DatabaseSetup.SqliteConnectionString(path is null ? connection : $"Data Source={Path.GetFullPath(path)}", null));
        return new SqliteRegistryDbContext(sqlite.Options, SystemActor.Instance, TimeProvider.System);
    }
}
