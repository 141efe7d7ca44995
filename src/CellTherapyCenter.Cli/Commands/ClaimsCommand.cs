using System.CommandLine;
using System.Diagnostics;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Outcomes;
using CellTherapyCenter.Web.CommandLine;
using CellTherapyCenter.Web.Features.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Cli.Commands;

/// <summary>
/// <c>claims --database CONNECTION [--provider sqlite|postgresql]</c>: the claims audit computed
/// from a registry database, as JSON. CONNECTION is a PostgreSQL connection string ("Host=..."),
/// a SQLite connection string ("Data Source=...") or the path of a SQLite file. Read-only, except
/// for one audit line recording that the registry was read for the audit. <c>--repeat N</c>
/// (for benchmarks) loads and computes N more times in the same process and reports each
/// run's time on stderr: the first run pays for starting up, as a freshly started server would.
/// After each run it also times what a server does after a save to one patient: that patient's
/// facts read again into the snapshot (<see cref="RegistryFacts.RefreshAsync"/>) and the audit computed.
/// The registry is opened through the web app's own services, configured for that database.
/// </summary>
public static class ClaimsCommand
{
    public static Command Create()
    {
        var database = CommandOption.Text("--database", "CONNECTION",
            "a PostgreSQL connection string (Host=...), a SQLite connection string (Data Source=...) or a SQLite file's path");
        var provider = new Option<string>("--provider")
        {
            HelpName = "sqlite|postgresql",
            Description = "the database's kind (default: PostgreSQL for a connection string with Host= or Server=, otherwise SQLite)",
        };
        provider.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } name && ProviderOf("", name) is null)
                result.AddError($"--provider must be sqlite or postgresql, not '{name}'");
        });
        var repeat = CommandOption.WholeNumber("--repeat", "N",
            "for benchmarks: load and compute N more times in this process, each run's time on stderr", defaultValue: 0);
        var command = new Command("claims",
            "Prints the claims audit of a registry as JSON. Read-only, but for one audit line recording the read.")
        {
            database, provider, repeat,
        };
        command.SetAction(parsed =>
        {
            var connection = parsed.GetRequiredValue(database);
            return RunAsync(connection, ProviderOf(connection, parsed.GetValue(provider))!.Value, parsed.GetValue(repeat) ?? 0, parsed.InvocationConfiguration);
        });
        return command;
    }

    private static async Task RunAsync(string connection, DatabaseProvider provider, int repeat, InvocationConfiguration console)
    {
        var path = provider == DatabaseProvider.Sqlite && !connection.Contains('=') ? connection : null;
        if (path is not null && !File.Exists(path)) throw new CliException($"no SQLite database at {path}");
        await using var app = CommandHost.CreateBuilder([], new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Registry"] = path is null ? connection : $"Data Source={Path.GetFullPath(path)}",
            // As quiet as before it shared the web app's services: the audit is the output.
            ["Logging:LogLevel:Default"] = "Warning",
        }).Build();
        var opened = new List<IServiceScope>();
        RegistryDbContext Open()
        {
            var scope = app.Services.CreateScope();
            lock (opened) opened.Add(scope);
            return scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        }
        try
        {
            await ClaimsAsync(Open, repeat, console);
        }
        finally
        {
            foreach (var scope in opened) scope.Dispose();
        }
    }

    private static async Task ClaimsAsync(Func<RegistryDbContext> open, int repeat, InvocationConfiguration console)
    {
        var db = open();
        RegistryFacts.Snapshot snapshot;
        ClaimsAuditReport report;
        try
        {
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
                throw new CliException("the database is not a registry at the current schema (run the web app once to migrate it)");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var started = Stopwatch.GetTimestamp();
            snapshot = await RegistryFacts.LoadAsync(open, today, CancellationToken.None);
            report = ClaimsAudit.Compute(snapshot.Patients, snapshot.DataDate, cohorts: snapshot.Cohorts);
            if (repeat > 0) await console.Error.WriteLineAsync($"run 0 (cold): {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
            for (var i = 1; i <= repeat; i++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                started = Stopwatch.GetTimestamp();
                var load = await RegistryFacts.LoadAsync(open, today, CancellationToken.None);
                var loaded = Stopwatch.GetElapsedTime(started);
                var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                ClaimsAudit.Compute(load.Patients, load.DataDate, cohorts: load.Cohorts);
                var total = Stopwatch.GetElapsedTime(started);
                var totalCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                // CPU time of this process beside the wall clock: on a shared machine the wall clock
                // also counts waiting for other work, the CPU time only this tool's own.
                await console.Error.WriteLineAsync($"run {i}: {total.TotalMilliseconds:0} ms (load {loaded.TotalMilliseconds:0} ms, compute {(total - loaded).TotalMilliseconds:0} ms; CPU {totalCpu.TotalMilliseconds:0} ms: load {loadCpu.TotalMilliseconds:0}, compute {(totalCpu - loadCpu).TotalMilliseconds:0})");

                // What the server does after a save to one patient (ClaimsAuditCache): that patient's
                // facts read again into the last snapshot, and the audit computed. Nothing is written.
                var changed = load.Patients[load.Patients.Count * i / (repeat + 1)].Id;
                started = Stopwatch.GetTimestamp();
                var refreshed = await RegistryFacts.RefreshAsync(load, new RecordChangeSet(new HashSet<Guid> { changed }, Cohorts: false), open, today, CancellationToken.None);
                var reloaded = Stopwatch.GetElapsedTime(started);
                ClaimsAudit.Compute(refreshed.Patients, refreshed.DataDate, cohorts: refreshed.Cohorts);
                var afterChange = Stopwatch.GetElapsedTime(started);
                await console.Error.WriteLineAsync($"run {i} after a change to one patient: {afterChange.TotalMilliseconds:0} ms (refresh {reloaded.TotalMilliseconds:0} ms, compute {(afterChange - reloaded).TotalMilliseconds:0} ms)");
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
        await console.Output.WriteAsync(ClaimsAuditJson.Write(report));
    }

    /// <summary>The provider named, or guessed from the connection string when none is; null for an unknown name.</summary>
    private static DatabaseProvider? ProviderOf(string connection, string? provider) => provider?.ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgresql" or "postgres" => DatabaseProvider.PostgreSQL,
        null => connection.Contains("Host=", StringComparison.OrdinalIgnoreCase) || connection.Contains("Server=", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite,
        _ => null,
    };
}
