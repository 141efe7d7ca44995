using System.Net;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CellTherapyCenter.Web.Tests.Inquiries;

/// <summary>
/// The real app as its own process: a request is acknowledged (the redirect to its reference),
/// the process is killed at once (SIGKILL, no shutdown), and after a restart on the same database
/// the request is there with its document, byte for byte.
/// </summary>
public sealed class AcknowledgedRequestSurvivesKillTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ctc-kill-").FullName;

    [Theory, EveryDatabase]
    public Task An_acknowledged_request_survives_a_kill(DatabaseProvider database) => database switch
    {
        DatabaseProvider.Sqlite => OnSqliteAsync(),
        DatabaseProvider.PostgreSQL => OnPostgreSqlAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(database), database, null),
    };

    private Task OnSqliteAsync() => RunAsync("Sqlite", $"Data Source={Path.Combine(_directory, "registry.db")}",
        async (reference) =>
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "registry.db")};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            return await ReadDocumentAsync(connection, reference);
        });

    private async Task OnPostgreSqlAsync()
    {
        var database = "ctc_kill_" + Guid.NewGuid().ToString("N")[..10];
        var server = new NpgsqlConnectionStringBuilder(PostgreSqlApp.ServerConnectionString) { Database = "postgres" }.ToString();
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin).ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(PostgreSqlApp.ServerConnectionString) { Database = database, Pooling = false }.ToString();
        try
        {
            await RunAsync("PostgreSQL", connectionString, async reference =>
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                return await ReadDocumentAsync(connection, reference);
            });
        }
        finally
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }

    private async Task RunAsync(string provider, string connectionString, Func<string, Task<byte[]?>> readDocument)
    {
        string reference;
        var pdf = InquiryForm.Pdf(300_000);
        await using (var app = await ChildApp.StartAsync(provider, connectionString, _directory))
        {
            using var client = app.Client();
            var response = await InquiryForm.SubmitAsync(client, InquiryForm.ValidFields(), [("report.pdf", pdf)]);
            // Killed as soon as the answer is in: no graceful shutdown, no flush.
            await app.KillAsync();
            // The real server (Kestrel, not the test host) does not name itself.
            Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(", ", response.Headers.Server)}");
            Assert.True(HttpStatusCode.Redirect == response.StatusCode, $"The request was not acknowledged ({(int)response.StatusCode}).{app.Output}");
            reference = response.Headers.Location!.OriginalString.Split('/')[^1];
        }

        // On a new port: the old one may not be free again yet, and another test may have taken it.
        await using var restarted = await ChildApp.StartAsync(provider, connectionString, _directory);
        Assert.Equal(pdf, await readDocument(reference));
    }

    private static async Task<byte[]?> ReadDocumentAsync(System.Data.Common.DbConnection connection, string reference)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT d.\"Content\" FROM \"InquiryDocuments\" d JOIN \"Inquiries\" i ON i.\"Id\" = d.\"InquiryId\" WHERE i.\"Reference\" = @reference";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "reference";
        parameter.Value = reference;
        command.Parameters.Add(parameter);
        return await command.ExecuteScalarAsync() as byte[];
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
