using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Inquiries;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>
/// The real app as its own process (<see cref="ChildApp"/>): an export is kicked off, the process is
/// killed (SIGKILL) while the job is running with some of its files written, the app is started
/// again on the same database and folder, and the job completes with every resource exactly once:
/// no id twice across the files, the counts those of the database. The export is paced
/// (Fhir:Export:MaxResourcesPerSecond) so that it is still running when the test sees its first file.
/// </summary>
public sealed class BulkExportKillTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ctc-export-kill-").FullName;

    [Theory, EveryDatabase]
    public Task A_job_killed_mid_export_completes_after_a_restart_with_every_resource_once(DatabaseProvider database) => database switch
    {
        DatabaseProvider.Sqlite => RunAsync("Sqlite", $"Data Source={Path.Combine(_directory, "registry.db")}",
            () => new SqliteConnection($"Data Source={Path.Combine(_directory, "registry.db")};Mode=ReadOnly;Pooling=False")),
        DatabaseProvider.PostgreSQL => OnPostgreSqlAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(database), database, null),
    };

    private async Task OnPostgreSqlAsync()
    {
        var name = "ctc_export_kill_" + Guid.NewGuid().ToString("N")[..10];
        var server = new NpgsqlConnectionStringBuilder(PostgreSqlApp.ServerConnectionString) { Database = "postgres" }.ToString();
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin).ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(PostgreSqlApp.ServerConnectionString) { Database = name, Pooling = false }.ToString();
        try
        {
            await RunAsync("PostgreSQL", connectionString, () => new NpgsqlConnection(connectionString));
        }
        finally
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }

    private async Task RunAsync(string provider, string connectionString, Func<DbConnection> connect)
    {
        // The child app's content root is this folder: its settings file gives the export small files, a
        // short lease (the killed instance's job is taken up soon after the restart) and a pace.
        await File.WriteAllTextAsync(Path.Combine(_directory, "appsettings.json"), """
            { "Fhir": { "Export": { "MaxResourcesPerFile": 60, "LeaseSeconds": 3, "PollSeconds": 0.5, "MaxResourcesPerSecond": 250 } } }
            """);
        await CommandAsync(provider, connectionString, "seed-demo", "--patients", "12", "--seed", "5");
        var key = FhirClientKey.Ec();
        var jwks = Path.Combine(_directory, "client.jwks");
        await File.WriteAllTextAsync(jwks, key.PublicJwks);
        var added = await CommandAsync(provider, connectionString, "fhir-client", "add", "--name", "Kill test", "--jwks", jwks, "--scopes", "system/*.read");
        var clientId = (string)JsonNode.Parse(added.Trim().Split('\n')[^1])!["clientId"]!;

        string statusPath;
        await using (var app = await ChildApp.StartAsync(provider, connectionString, _directory))
        {
            using var http = await SignedInAsync(app, clientId, key);
            using var request = BulkExportKit.KickOff("/fhir/$export");
            using var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}{app.Output}");
            statusPath = new Uri(response.Content.Headers.ContentLocation!.ToString()).AbsolutePath;

            // Killed once the job row says it is running and has recorded a file: in the middle of the export.
            var midway = await Eventually.HoldsAsync(async () =>
            {
                var (state, outputs) = await JobAsync(connect);
                return state == 1 && outputs.Contains("ndjson", StringComparison.Ordinal);
            });
            await app.KillAsync();
            var (stateAtKill, _) = await JobAsync(connect);
            Assert.True(midway && stateAtKill == 1, $"The export was not caught running (state {stateAtKill}).{app.Output}");
        }

        await using var restarted = await ChildApp.StartAsync(provider, connectionString, _directory);
        using var again = await SignedInAsync(restarted, clientId, key);
        var manifest = await BulkExportKit.CompletedAsync(again, statusPath);
        var files = await BulkExportKit.DownloadAsync(again, manifest);
        foreach (var (type, resources) in files)
        {
            var twice = resources.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, $"{type} {string.Join(", ", twice.Take(5))} in the export more than once.");
        }
        var expected = await CountsAsync(connect);
        var actual = files.ToDictionary(f => f.Key, f => (long)f.Value.Count);
        foreach (var (type, count) in expected.Where(e => e.Value > 0))
            Assert.True(actual.GetValueOrDefault(type) == count, $"{type}: {actual.GetValueOrDefault(type)} exported, {count} in the database.");
        Assert.True(files.Values.Sum(f => f.Count) > 300, "Too few resources to have been killed in the middle of.");

        // The killed run's leftovers are gone: the job's folder holds the files of the manifest and nothing else.
        var folder = Directory.GetDirectories(Path.Combine(_directory, "data", "fhir-export")).Single();
        var listed = manifest["output"]!.AsArray().Select(o => ((string)o!["url"]!).Split('/')[^1]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(listed, Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
    }

    private static async Task<HttpClient> SignedInAsync(ChildApp app, string clientId, FhirClientKey key)
    {
        var http = app.Client();
        var (status, token) = await FhirTestClient.TokenAsync(http, FhirTestClient.Assertion(clientId, key, audience: $"http://127.0.0.1:{app.Port}/"));
        Assert.True(status == HttpStatusCode.OK, token.ToJsonString() + app.Output);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)token["access_token"]!);
        return http;
    }

    private static async Task<(int State, string Outputs)> JobAsync(Func<DbConnection> connect)
    {
        await using var connection = connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"State\", \"Outputs\" FROM \"BulkExportJobs\"";
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1)) : (-1, "");
    }

    /// <summary>The database's counts per type, in SQL of its own (not the app's queries): records not voided.</summary>
    private static async Task<Dictionary<string, long>> CountsAsync(Func<DbConnection> connect)
    {
        const string live = "\"VoidedAt\" IS NULL";
        var queries = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Patient"] = $"SELECT COUNT(*) FROM \"Patients\" WHERE {live}",
            ["Condition"] = $"SELECT COUNT(*) FROM \"Diagnoses\" WHERE {live}",
            ["Observation"] = $"SELECT (SELECT COUNT(*) FROM \"AlsfrsRAssessments\" WHERE {live})"
                + $" + (SELECT COUNT(*) FROM \"Visits\" WHERE {live} AND (\"FvcPercentPredicted\" IS NOT NULL OR \"FvcPercentPredictedMissing\" IS NOT NULL))"
                + $" + (SELECT COUNT(*) FROM \"Visits\" WHERE {live} AND (\"WeightKg\" IS NOT NULL OR \"WeightKgMissing\" IS NOT NULL))",
            ["QuestionnaireResponse"] = $"SELECT COUNT(*) FROM \"AlsfrsRAssessments\" WHERE {live} AND \"Mode\" = {(int)AssessmentMode.SelfAdministeredOnline}",
            ["EpisodeOfCare"] = $"SELECT COUNT(*) FROM \"TreatmentCourses\" WHERE {live}",
            ["Procedure"] = $"SELECT COUNT(*) FROM \"Transplantations\" WHERE {live}",
            ["AdverseEvent"] = $"SELECT COUNT(*) FROM \"AdverseEvents\" WHERE {live}",
            ["Consent"] = $"SELECT COUNT(*) FROM \"Consents\" WHERE {live}",
            ["Appointment"] = $"SELECT COUNT(*) FROM \"FollowUpItems\" WHERE {live}",
        };
        await using var connection = connect();
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (type, sql) in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            counts[type] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }

    /// <summary>Runs one of the web app's commands on the database, as an operator would; its output, or a failure with it.</summary>
    private async Task<string> CommandAsync(string provider, string connectionString, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CellTherapyCenter.Web.dll"), .. arguments])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _directory,
        };
        info.Environment["Database__Provider"] = provider;
        info.Environment["ConnectionStrings__Registry"] = connectionString;
        info.Environment["Demo__Enabled"] = "false";
        info.Environment["DataProtection__KeysPath"] = Path.Combine(_directory, "keys");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        return await output;
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
