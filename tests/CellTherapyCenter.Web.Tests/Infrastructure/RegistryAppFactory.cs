using System.Net;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>
/// The whole web app on a fresh, empty database of one provider. Each factory instance owns its
/// own database (a temporary SQLite file, or a new PostgreSQL database on the server that
/// ./test.sh or <see cref="ThrowawayPostgres"/> starts), so test classes never see each other's data.
/// </summary>
public abstract class RegistryAppFactory : WebApplicationFactory<Program>
{
    public const string TestPassword = "Test-password-1234";
    public const string AdminEmail = "admin@test.local";
    private readonly string _directory = ScratchDirectory.Create("ctc-test-");

    // Each host would watch its appsettings files and its wwwroot (for asp-append-version) with one inotify
    // instance per watcher; with many test apps alive at once the user's limit (128 by default on Linux) ran
    // out and hosts failed to start or pages answered 500. Tests never edit those files: the hosts read their
    // settings once and look at wwwroot by polling, which needs no inotify instance (set before any host starts).
    static RegistryAppFactory()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
    private string? _connectionString;

    public abstract DatabaseProvider Provider { get; }

    protected abstract string CreateDatabase();

    protected virtual void DropDatabase() { }

    public string ConnectionString => _connectionString ??= CreateDatabase();

    protected string TempDirectory => _directory;

    /// <summary>Extra configuration a test class needs (e.g. demo seeding on).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["ConnectionStrings:Registry"] = ConnectionString,
            ["Demo:Enabled"] = "false",
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = TestPassword,
            ["DataProtection:KeysPath"] = Path.Combine(_directory, "keys"),
            ["DataProtection:KeyFile"] = Path.Combine(_directory, "data-protection.key"),
            // Tests sign in many clients from one address; the limit itself is tested with a low value.
            ["RateLimits:SignInPerMinute"] = "10000",
            ["RateLimits:InquiriesPerHour"] = "10000",
            // The follow-up tests run scheduler passes themselves on a manual clock; a background pass
            // in any other test's app would queue reminders into outboxes those tests count.
            ["FollowUp:SchedulerEnabled"] = "false",
            // Likewise the retention pass: the privacy tests run it themselves.
            ["Privacy:RetentionPassEnabled"] = "false",
            // Staff sign in with a password alone unless a test turns the second factor on (Accounts tests).
            ["Security:RequireTwoFactor"] = "false",
            // Each app's bulk export files in its own scratch folder (its worker deletes folders no job of its database owns).
            ["Fhir:Export:Directory"] = Path.Combine(_directory, "fhir-export"),
            // Small files, so that a few demo patients already fill several per type (BulkExportTests).
            ["Fhir:Export:MaxResourcesPerFile"] = "40",
        };
        foreach (var (k, v) in ExtraSettings) settings[k] = v;
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        // Thousands of sign-ins: each password hash at a hundredth of production's cost. The cost is
        // stored in each hash, so known and unknown accounts still cost the same (SessionsEnumerationTests).
        builder.ConfigureServices(services => services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1000));
    }

    /// <summary>A client that keeps cookies, does not follow redirects, and speaks HTTPS (cookies are Secure).</summary>
    public HttpClient CreateBrowserClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    });

    /// <summary>Creates (once) a staff user with the role and returns a client signed in as them.</summary>
    public async Task<HttpClient> SignedInClientAsync(string role)
    {
        var email = await StaffEmailAsync(role);
        var client = CreateBrowserClient();
        var response = await StaffSession.SignInAsync(client, email, TestPassword);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {role} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>The email of a staff user with the role, created on first use (password <see cref="TestPassword"/>).</summary>
    public async Task<string> StaffEmailAsync(string role)
    {
        // The administrator is the one the app creates on an empty database (Admin:Email).
        if (role == StaffRoles.Administrator) return AdminEmail;
        var email = $"{role.ToLowerInvariant()}@test.local";
        await EnsureUserAsync(email, role);
        return email;
    }

    public async Task EnsureUserAsync(string email, string role)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role };
        var created = await users.CreateAsync(user, TestPassword);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }

    /// <summary>Runs code against the registry in its own scope (for arranging data and checking results).</summary>
    public async Task<T> WithDbAsync<T>(Func<RegistryDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try { DropDatabase(); } catch (NpgsqlException) { /* best effort: the cluster is thrown away anyway */ }
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Not sealed: the browser tests run the same app on Kestrel (BrowserApp).</summary>
public class SqliteApp : RegistryAppFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // Pooled, as the app runs in production: without pooling every request opened the file and set
    // its pragmas again, a third of each in-process request's time (the property tests' 1,000 cases).
    protected override string CreateDatabase() => $"Data Source={Path.Combine(TempDirectory, "registry.db")};Pooling=True";

    protected override void DropDatabase()
    {
        // Closes the pooled connections to this file (and only this one) before its folder is deleted.
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
        Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
    }
}

public sealed class PostgreSqlApp : RegistryAppFactory
{
    /// <summary>Set by ./test.sh to its throwaway server; when unset the tests start their own (<see cref="ThrowawayPostgres"/>).</summary>
    public const string ServerVariable = ThrowawayPostgres.ServerVariable;
    private readonly string _database = "ctc_test_" + Guid.NewGuid().ToString("N")[..12];

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;

    public static string ServerConnectionString => ThrowawayPostgres.ServerConnectionString;

    protected override string CreateDatabase()
    {
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" }.ToString()))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ToString();
    }

    protected override void DropDatabase()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
