using System.Diagnostics;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Outcomes;
using CellTherapyCenter.Web.Features.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Cli.Commands;

/// <summary>
/// <c>claims --database CONNECTION [--provider sqlite|postgresql]</c>: the claims audit computed
/// from a registry database, as JSON. CONNECTION is a PostgreSQL connection string ("Host=..."),
/// a SQLite connection string ("Data Source=...") or the path of a SQLite file. Read-only, except
/// for one audit line recording that the registry was read for the audit. <c>--repeat N</c>
/// (for benchmarks) loads and computes N more times in the same process and reports each
/// run's time on stderr: the first run pays for starting up, as a freshly started server would.
/// </summary>
public static class ClaimsCommand
{
    public static async Task RunAsync(CommandOptions options, TextWriter output)
    {
        options.AllowOnly("database", "provider", "repeat");
        var repeat = options.Optional("repeat") is { } r ? int.TryParse(r, out var n) && n >= 0 ? n : throw new CliException("--repeat must be a whole number", isUsage: true) : 0;
        var connection = options.Required("database");
        var provider = ProviderOf(connection, options.Optional("provider"));
        await using var db = Open(provider, connection);
        RegistryFacts.Snapshot snapshot;
        ClaimsAuditReport report;
        try
        {
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
                throw new CliException("the database is not a registry at the current schema (run the web app once to migrate it)");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var started = Stopwatch.GetTimestamp();
            snapshot = await RegistryFacts.LoadAsync(() => Open(provider, connection), today, CancellationToken.None);
            report = ClaimsAudit.Compute(snapshot.Patients, snapshot.DataDate);
            if (repeat > 0) await Console.Error.WriteLineAsync($"run 0 (cold): {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
            for (var i = 1; i <= repeat; i++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                started = Stopwatch.GetTimestamp();
                var load = await RegistryFacts.LoadAsync(() => Open(provider, connection), today, CancellationToken.None);
                var loaded = Stopwatch.GetElapsedTime(started);
                var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                ClaimsAudit.Compute(load.Patients, load.DataDate);
                var total = Stopwatch.GetElapsedTime(started);
                var totalCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                // CPU time of this process beside the wall clock: on a shared machine the wall clock
                // also counts waiting for other work, the CPU time only this tool's own.
                await Console.Error.WriteLineAsync($"run {i}: {total.TotalMilliseconds:0} ms (load {loaded.TotalMilliseconds:0} ms, compute {(total - loaded).TotalMilliseconds:0} ms; CPU {totalCpu.TotalMilliseconds:0} ms: load {loadCpu.TotalMilliseconds:0}, compute {(totalCpu - loadCpu).TotalMilliseconds:0})");
            }
            db.AuditEntries.Add(new Data.Auditing.AuditEntry
            {
                At = DateTime.UtcNow,
                UserName = "ctc claims (command line)",
                Action = Data.Auditing.AuditActions.Read,
                EntityType = "ClaimsAudit",
                Detail = "all treated patients",
            });
            await db.SaveChangesAsync();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            throw new CliException($"cannot read the registry: {e.Message}");
        }
        await output.WriteAsync(ClaimsAuditJson.Write(report));
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
