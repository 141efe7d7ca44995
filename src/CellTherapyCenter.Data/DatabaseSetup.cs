using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CellTherapyCenter.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

/// <summary>
/// Chooses the store from configuration: <c>Database:Provider</c> = Sqlite (default, a file under
/// data/) or PostgreSQL with <c>ConnectionStrings:Registry</c>. Both are set up so that an
/// acknowledged write is durable: SQLite in WAL mode with synchronous=FULL, PostgreSQL with
/// synchronous_commit on.
/// </summary>
public static class DatabaseSetup
{
    public const string DefaultSqlitePath = "data/celltherapycenter.db";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var p)
            ? p
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or PostgreSQL, not '{name}'.");
    }

    public static IServiceCollection AddRegistryDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderFrom(configuration);
        if (provider == DatabaseProvider.PostgreSQL)
        {
            var cs = PostgreSqlConnectionString(configuration.GetConnectionString("Registry")
                ?? throw new InvalidOperationException("Database:Provider is PostgreSQL but ConnectionStrings:Registry is not set."));
            services.AddDbContext<PostgreSqlRegistryDbContext>(o => ConfigurePostgreSql(o, cs));
            services.AddScoped<RegistryDbContext>(sp => sp.GetRequiredService<PostgreSqlRegistryDbContext>());
        }
        else
        {
            var cs = SqliteConnectionString(configuration.GetConnectionString("Registry"), configuration["Database:SqlitePath"]);
            services.AddDbContext<SqliteRegistryDbContext>(o => ConfigureSqlite(o, cs));
            services.AddScoped<RegistryDbContext>(sp => sp.GetRequiredService<SqliteRegistryDbContext>());
        }
        return services;
    }

    public static string SqliteConnectionString(string? connectionString, string? path)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString ?? "");
        if (string.IsNullOrEmpty(builder.DataSource))
            builder.DataSource = Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? DefaultSqlitePath : path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        builder.ForeignKeys = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    public static string PostgreSqlConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // On by default in PostgreSQL; pinned here so a server default cannot weaken durability.
        builder.Options = string.Join(' ', new[] { builder.Options, "-c synchronous_commit=on" }.Where(s => !string.IsNullOrWhiteSpace(s)));
        // The registry sends the same few dozen queries over and over: let Npgsql prepare them on
        // the server instead of parsing and planning each one again (measured in docs/benchmarks.md:
        // a third less PostgreSQL CPU per page). An explicit setting in the connection string wins.
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        // The app changes no session state (no SET, temporary tables or advisory locks), so the
        // reset a pooled connection would otherwise run before its next command is wasted work.
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        return builder.ToString();
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(DatabaseSetup).Assembly.FullName))
            .AddInterceptors(SqliteDurability.Instance);

    public static void ConfigurePostgreSql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);
}

/// <summary>Sets the per-connection pragmas that make a committed write durable and safe to share.</summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    public static SqliteDurability Instance { get; } = new();
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Run(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Run(connection);
        return Task.CompletedTask;
    }

    private static void Run(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        // EF Core probes whether a database exists on a read-only connection, where switching the
        // journal mode fails ("attempt to write a readonly database"); a reader needs only the timeout.
        var readOnly = new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly;
        command.CommandText = readOnly ? "PRAGMA busy_timeout=30000;" : Pragmas;
        command.ExecuteNonQuery();
    }
}
