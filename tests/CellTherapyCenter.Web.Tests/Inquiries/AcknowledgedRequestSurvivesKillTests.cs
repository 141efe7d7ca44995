using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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

    [Fact]
    public Task On_sqlite() => RunAsync("Sqlite", $"Data Source={Path.Combine(_directory, "registry.db")}",
        async (reference) =>
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "registry.db")};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            return await ReadDocumentAsync(connection, reference);
        });

    [Fact]
    public async Task On_postgresql()
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
        var port = FreePort();
        var app = Start(provider, connectionString, port);
        string reference;
        var pdf = InquiryForm.Pdf(300_000);
        try
        {
            using var client = Client(port);
            await WaitForHealthAsync(client);
            var response = await InquiryForm.SubmitAsync(client, InquiryForm.ValidFields(), [("report.pdf", pdf)]);
            // Killed as soon as the answer is in: no graceful shutdown, no flush.
            app.Kill(entireProcessTree: true);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            reference = response.Headers.Location!.OriginalString.Split('/')[^1];
        }
        finally
        {
            if (!app.HasExited) app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }

        var restarted = Start(provider, connectionString, port);
        try
        {
            using var client = Client(port);
            await WaitForHealthAsync(client);
            Assert.Equal(pdf, await readDocument(reference));
        }
        finally
        {
            restarted.Kill(entireProcessTree: true);
            await restarted.WaitForExitAsync();
        }
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

    private Process Start(string provider, string connectionString, int port)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CellTherapyCenter.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _directory,
        };
        info.Environment["Database__Provider"] = provider;
        info.Environment["ConnectionStrings__Registry"] = connectionString;
        info.Environment["Demo__Enabled"] = "false";
        info.Environment["Admin__Email"] = RegistryAppFactory.AdminEmail;
        info.Environment["Admin__Password"] = RegistryAppFactory.TestPassword;
        info.Environment["DataProtection__KeysPath"] = Path.Combine(_directory, "keys");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static HttpClient Client(int port) => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static async Task WaitForHealthAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("The app did not become healthy within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
