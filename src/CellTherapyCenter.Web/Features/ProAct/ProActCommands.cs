using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Web.CommandLine;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.ProAct;

/// <summary>
/// <c>import proact --dir DIR --database CONNECTION --cohort NAME</c> and
/// <c>export proact --dir DIR --database CONNECTION [--cohort NAME | --registry]</c> (docs/proact.md).
/// CONNECTION as for <c>claims</c>: a PostgreSQL connection string, a SQLite connection string or a
/// SQLite file's path. The import checks every file before it writes anything, and writes in one transaction.
/// </summary>
public static class ProActCommands
{
    private const string CommandUser = "ctc proact (command line)";

    public static IEnumerable<Command> Create()
    {
        var import = new Command("import", "Imports research data into the registry.");
        import.Subcommands.Add(ImportCommand());
        var export = new Command("export", "Exports research data from the registry.");
        export.Subcommands.Add(ExportCommand());
        return [import, export];
    }

    private static Command ImportCommand()
    {
        var (dir, database, provider) = CommonOptions("the folder holding the PRO-ACT CSV files");
        var cohort = CommandOption.Text("--cohort", "NAME", "the external cohort's name (importing again under the same name replaces it, or changes nothing when the data are the same)");
        var source = CommandOption.Text("--source", "TEXT", "where the data come from, shown beside any comparison (default: the folder's name)", required: false);
        var synthetic = CommandOption.Flag("--synthetic", "mark the cohort as synthetic data");
        var command = new Command("proact",
            "Imports the PRO-ACT CSV files of a folder as an external cohort, apart from the registry's patients; all or nothing. " +
            "Prints a JSON summary; refused lines go to stderr as FILE:LINE: reason (exit 1).")
        {
            dir, database, provider, cohort, source, synthetic,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var folder = parsed.GetRequiredValue(dir);
            var name = parsed.GetRequiredValue(cohort).Trim();
            if (name.Length is 0 or > FieldLengths.Label) throw new CliException($"--cohort must be 1 to {FieldLengths.Label} characters", isUsage: true);
            if (!Directory.Exists(folder)) throw new CliException($"no folder {folder}");
            var console = parsed.InvocationConfiguration;
            var watch = Stopwatch.StartNew();
            var data = ProActReader.Read(folder);
            if (data.MissingFiles.Count == ProActLayout.Files.Count) throw new CliException($"{folder} holds none of the PRO-ACT files ({string.Join(", ", ProActLayout.Files)})");
            if (data.Refused.Count > 0)
            {
                foreach (var line in data.Refused.OrderBy(l => l.File, StringComparer.Ordinal).ThenBy(l => l.Line))
                    await console.Error.WriteLineAsync(line.ToString());
                throw new CliException($"{data.Refused.Count} refused line(s): nothing was stored");
            }
            var connection = parsed.GetRequiredValue(database);
            await using var app = await OpenAsync(connection, parsed.GetValue(provider), createSqlite: true);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var sourceText = parsed.GetValue(source) ?? $"PRO-ACT files from {Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar))}";
            if (sourceText.Length > FieldLengths.Reason) throw new CliException($"--source must be at most {FieldLengths.Reason} characters", isUsage: true);
            ProActImportResult result;
            try
            {
                // The synthetic mark in the import's own transaction: never a cohort stored without it.
                result = await ProActImport.StoreAsync(db, data, name, sourceText, CommandUser, parsed.GetValue(synthetic), publicWhenNew: false, ct);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException)
            {
                throw new CliException($"nothing was stored: {e.Message}");
            }
            await console.Output.WriteAsync(Summary(w =>
            {
                w.WriteString("cohort", name);
                w.WriteString("status", result.Status);
                w.WriteNumber("subjects", data.Subjects.Count);
                w.WriteStartObject("rows");
                foreach (var (file, rows) in data.Rows) w.WriteNumber(file, rows);
                w.WriteEndObject();
                w.WriteStartObject("alsfrsRows");
                w.WriteNumber("alsfrsR", data.Alsfrs.Count(r => r.Scale == Data.Cohorts.AlsfrsScale.AlsfrsR));
                w.WriteNumber("alsfrs", data.Alsfrs.Count(r => r.Scale == Data.Cohorts.AlsfrsScale.Alsfrs));
                w.WriteNumber("unspecified", data.Alsfrs.Count(r => r.Scale == Data.Cohorts.AlsfrsScale.Unspecified));
                w.WriteEndObject();
                w.WriteNumber("fvcRows", data.Fvc.Count);
                w.WriteStartArray("skipped");
                foreach (var line in data.Skipped)
                {
                    w.WriteStartObject();
                    w.WriteString("file", line.File);
                    w.WriteNumber("line", line.Line);
                    w.WriteString("reason", line.Reason);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartObject("ignoredColumns");
                foreach (var (file, columns) in data.IgnoredColumns)
                {
                    w.WriteStartArray(file);
                    foreach (var c in columns) w.WriteStringValue(c);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
                w.WriteStartArray("missingFiles");
                foreach (var file in data.MissingFiles) w.WriteStringValue(file);
                w.WriteEndArray();
                w.WriteNumber("seconds", Math.Round(watch.Elapsed.TotalSeconds, 2));
            }));
            return CommandLineRunner.Ok;
        });
        return command;
    }

    private static Command ExportCommand()
    {
        var (dir, database, provider) = CommonOptions("the folder to write the PRO-ACT CSV files into (created if absent; files of the same names are overwritten)");
        var cohort = CommandOption.Text("--cohort", "NAME", "export this imported cohort, with its original subject ids", required: false);
        var registry = CommandOption.Flag("--registry", "export the registry's patients, pseudonymised");
        var command = new Command("proact",
            "Writes the PRO-ACT CSV files of an imported cohort (--cohort NAME) or of the registry's patients, pseudonymised (--registry). Prints a JSON summary.")
        {
            dir, database, provider, cohort, registry,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var folder = parsed.GetRequiredValue(dir);
            if ((parsed.GetValue(cohort) is not null) == parsed.GetValue(registry))
                throw new CliException("give either --cohort NAME or --registry", isUsage: true);
            await using var app = await OpenAsync(parsed.GetRequiredValue(database), parsed.GetValue(provider), createSqlite: false);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            SortedDictionary<string, int> rows;
            int subjects, leftOut = 0;
            string detail;
            if (parsed.GetValue(cohort) is { } name)
            {
                var found = await db.ExternalCohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Name == name, ct)
                    ?? throw new CliException($"no external cohort named '{name}'");
                var members = await db.ExternalCohortSubjects.AsNoTracking().Where(s => s.CohortId == found.Id).ToListAsync(ct);
                var alsfrs = await db.ExternalCohortAlsfrs.AsNoTracking().Where(r => r.CohortId == found.Id).ToListAsync(ct);
                var fvc = await db.ExternalCohortFvc.AsNoTracking().Where(r => r.CohortId == found.Id).ToListAsync(ct);
                rows = await ProActWriter.WriteAsync(folder, members, alsfrs, fvc, ct);
                subjects = members.Count;
                detail = $"PRO-ACT export of external cohort '{name}': {subjects} subjects";
            }
            else
            {
                var data = await RegistryAsProAct.LoadAsync(db, ct);
                rows = await ProActWriter.WriteAsync(folder, data.Subjects, data.Alsfrs, data.Fvc, ct);
                subjects = data.Subjects.Count;
                leftOut = data.LeftOut;
                detail = $"PRO-ACT export of the registry, pseudonymised: {subjects} patients ({leftOut} without a treatment course or diagnosis date left out)";
            }
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTime.UtcNow,
                UserName = CommandUser,
                Action = AuditActions.Export,
                EntityType = parsed.GetValue(registry) ? "Patient" : nameof(Data.Cohorts.ExternalCohort),
                Detail = detail,
            });
            await db.SaveChangesAsync(ct);
            await parsed.InvocationConfiguration.Output.WriteAsync(Summary(w =>
            {
                w.WriteNumber("subjects", subjects);
                if (parsed.GetValue(registry)) w.WriteNumber("leftOut", leftOut);
                w.WriteStartObject("rows");
                foreach (var (file, count) in rows) w.WriteNumber(file, count);
                w.WriteEndObject();
            }));
            return CommandLineRunner.Ok;
        });
        return command;
    }

    private static (Option<string> Dir, Option<string> Database, Option<string> Provider) CommonOptions(string dirDescription)
    {
        var dir = CommandOption.Text("--dir", "DIR", dirDescription);
        var database = CommandOption.Text("--database", "CONNECTION",
            "a PostgreSQL connection string (Host=...), a SQLite connection string (Data Source=...) or a SQLite file's path");
        var provider = CommandOption.OneOf("--provider",
            "the database's kind (default: PostgreSQL for a connection string with Host= or Server=, otherwise SQLite)", "sqlite", "postgresql");
        return (dir, database, provider);
    }

    /// <summary>
    /// The web app's services on the database named. For an import (<paramref name="createSqlite"/>) a
    /// SQLite file that does not exist yet is created, and it or any database without a migration yet
    /// (a new PostgreSQL database) is migrated; otherwise the database must be at the current schema.
    /// </summary>
    private static async Task<WebApplication> OpenAsync(string connection, string? provider, bool createSqlite)
    {
        var kind = provider switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgresql" => DatabaseProvider.PostgreSQL,
            _ => connection.Contains("Host=", StringComparison.OrdinalIgnoreCase) || connection.Contains("Server=", StringComparison.OrdinalIgnoreCase)
                ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite,
        };
        var path = kind == DatabaseProvider.Sqlite && !connection.Contains('=') ? connection : null;
        var created = path is not null && !File.Exists(path);
        if (created && !createSqlite) throw new CliException($"no SQLite database at {path}");
        var app = CommandHost.CreateBuilder([], new Dictionary<string, string?>
        {
            ["Database:Provider"] = kind.ToString(),
            ["ConnectionStrings:Registry"] = path is null ? connection : $"Data Source={Path.GetFullPath(path)}",
            ["Logging:LogLevel:Default"] = "Warning",
        }).Build();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            // No migration applied marks a new database (on an empty PostgreSQL database EF Core logs the failed history query first).
            if (created || (createSqlite && !(await db.Database.GetAppliedMigrationsAsync()).Any()))
                await RegistryMigrations.MigrateAsync(db, CancellationToken.None);
            else if ((await db.Database.GetPendingMigrationsAsync()).Any())
                throw new CliException("the database is not a registry at the current schema (run the web app once to migrate it)");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            await app.DisposeAsync();
            throw new CliException($"cannot open the registry: {e.Message}");
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private static string Summary(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) { writer.WriteStartObject(); body(writer); writer.WriteEndObject(); }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }
}
