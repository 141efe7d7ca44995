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
        CreatePrivately(builder);
        builder.ForeignKeys = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    /// <summary>
    /// The registry holds health data: a folder made for it is the owner's only (0700) and a new
    /// database file is made 0600 before SQLite opens it (SQLite gives its -wal and -shm files the
    /// database file's mode). Existing files and folders are left as they are.
    /// </summary>
    private static void CreatePrivately(SqliteConnectionStringBuilder builder)
    {
        var inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:"
            || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        if (inMemory) return;
        var file = Path.GetFullPath(builder.DataSource);
        var directory = Path.GetDirectoryName(file);
        if (OperatingSystem.IsWindows())
        {
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            return;
        }
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (builder.Mode is SqliteOpenMode.ReadWriteCreate && !File.Exists(file))
        {
            try
            {
                using var created = new FileStream(file, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew, Access = FileAccess.Write,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
            }
            catch (IOException) when (File.Exists(file)) { /* made by another process meanwhile */ }
        }
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
        // The app changes no session state (no SET, temporary tables or session advisory locks: the
        // audit chain's lock is transaction-scoped and ends with its transaction), so the
        // reset a pooled connection would otherwise run before its next command is wasted work.
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        return builder.ToString();
    }

    /// <summary>The functions the registry's triggers call: any SQLite connection that may insert audit lines needs them.</summary>
    public static void RegisterSqliteFunctions(SqliteConnection connection) =>
        connection.CreateFunction(Auditing.AuditChain.SqliteFunction, (string text) => Auditing.AuditChain.Hex(text), isDeterministic: true);

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(DatabaseSetup).Assembly.FullName))
            .AddInterceptors(SqliteDurability.Instance);

    public static void ConfigurePostgreSql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);
}

/// <summary>
/// Sets the per-connection pragmas that make a committed write durable and safe to share, and
/// registers the function the audit chain's trigger calls (<see cref="Auditing.AuditChain"/>).
/// </summary>
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
        if (connection is SqliteConnection sqlite) DatabaseSetup.RegisterSqliteFunctions(sqlite);
        using var command = connection.CreateCommand();
        // EF Core probes whether a database exists on a read-only connection, where switching the
        // journal mode fails ("attempt to write a readonly database"); a reader needs only the timeout.
        var readOnly = new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly;
        command.CommandText = readOnly ? "PRAGMA busy_timeout=30000;" : Pragmas;
        command.ExecuteNonQuery();
    }
}
