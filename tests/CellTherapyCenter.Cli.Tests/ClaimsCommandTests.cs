using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Cli.Tests;

/// <summary><c>ctc claims --database</c> on a real SQLite registry holding a small synthetic cohort.</summary>
public sealed class ClaimsCommandTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ctc-claims-").FullName;
    private string Database => Path.Combine(_directory, "registry.db");

    public async Task InitializeAsync()
    {
        var options = new DbContextOptionsBuilder<SqliteRegistryDbContext>();
        DatabaseSetup.ConfigureSqlite(options, DatabaseSetup.SqliteConnectionString(null, Database));
        await using var db = new SqliteRegistryDbContext(options.Options, SystemActor.Instance, TimeProvider.System);
        await db.Database.MigrateAsync();
        var demo = new DemoCohortOptions { Patients = 80, Seed = 3, DataDate = new DateOnly(2026, 3, 1) };
        var cohort = new DemoCohortGenerator(demo, demo.DataDate!.Value).Generate();
        db.AddRange(cohort.AllRecords());
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_imported_external_cohort_is_compared_with_the_progression_and_survival_claims()
    {
        var (_, without, _) = await CliRun.RunAsync("claims", "--database", Database);
        Assert.Equal(0, JsonDocument.Parse(without).RootElement.GetProperty("externalCohorts").GetArrayLength());
        var options = new DbContextOptionsBuilder<SqliteRegistryDbContext>();
        DatabaseSetup.ConfigureSqlite(options, DatabaseSetup.SqliteConnectionString(null, Database));
        await using (var db = new SqliteRegistryDbContext(options.Options, SystemActor.Instance, TimeProvider.System))
            await DemoNaturalHistoryCohort.SeedAsync(db, new DemoCohortOptions { Seed = 3, NaturalHistorySubjects = 150, DataDate = new DateOnly(2026, 3, 1) }, CancellationToken.None);

        var (exit, stdout, stderr) = await CliRun.RunAsync("claims", "--database", Database);

        Assert.True(exit == 0, stderr);
        var cohort = JsonDocument.Parse(stdout).RootElement.GetProperty("externalCohorts").EnumerateArray().Single();
        Assert.Equal(DemoNaturalHistoryCohort.Name, cohort.GetProperty("cohort").GetString());
        Assert.True(cohort.GetProperty("isSynthetic").GetBoolean());
        var comparable = cohort.GetProperty("comparable");
        Assert.InRange(comparable.GetProperty("cohort").GetInt32(), 10, 150);
        var difference = cohort.GetProperty("progression")[2];
        Assert.StartsWith("Difference in slope", difference.GetProperty("name").GetString());
        Assert.Equal(comparable.GetProperty("treated").GetInt32() + comparable.GetProperty("cohort").GetInt32(), difference.GetProperty("denominator").GetInt32());
        Assert.True(difference.GetProperty("lower").GetDouble() < difference.GetProperty("estimate").GetDouble());
        Assert.InRange(difference.GetProperty("p").GetDouble(), 0, 1);
        var hazard = cohort.GetProperty("survival")[3];
        Assert.Equal("HazardRatio", hazard.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Claims_prints_every_claim_with_its_measures_as_json()
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("claims", "--database", Database);

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        // The data run to the latest date recorded, which the demo keeps on or before its own data date.
        Assert.InRange(DateOnly.Parse(root.GetProperty("dataDate").GetString()!), new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1));
        Assert.Equal(80, root.GetProperty("patients").GetInt32());
        Assert.Equal(80, root.GetProperty("syntheticPatients").GetInt32());
        var claims = root.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(["C1", "C2", "C3", "C4", "C5", "C6", "P", "S"], claims.Select(c => c.GetProperty("id").GetString()));
        var c1 = claims[0].GetProperty("measures")[0];
        var numerator = c1.GetProperty("numerator").GetInt32();
        var denominator = c1.GetProperty("denominator").GetInt32();
        Assert.InRange(denominator, 10, 80);
        Assert.Equal((double)numerator / denominator, c1.GetProperty("estimate").GetDouble(), 12);
        Assert.True(c1.GetProperty("lower").GetDouble() < c1.GetProperty("estimate").GetDouble());
        Assert.StartsWith("67%", claims[0].GetProperty("clinicStatedFigure").GetString());
        // The same file given as a connection string reads the same registry.
        var (_, again, _) = await CliRun.RunAsync("claims", "--database", $"Data Source={Database}", "--provider", "sqlite");
        Assert.Equal(stdout, again);
    }

    [Fact]
    public async Task A_missing_file_or_an_unknown_provider_fails_without_output()
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("claims", "--database", Path.Combine(_directory, "absent.db"));
        Assert.Equal((1, ""), (exit, stdout));
        Assert.Contains("no SQLite database at", stderr);

        (exit, stdout, stderr) = await CliRun.RunAsync("claims", "--database", Database, "--provider", "oracle");
        Assert.Equal((2, ""), (exit, stdout));
        Assert.Contains("--provider must be sqlite or postgresql", stderr);

        (exit, stdout, stderr) = await CliRun.RunAsync("claims", "--database", Database, "--repeat", "twice");
        Assert.Equal((2, ""), (exit, stdout));
        Assert.Contains("--repeat must be a whole number", stderr);

        (exit, _, stderr) = await CliRun.RunAsync("claims");
        Assert.Equal(2, exit);
        Assert.Contains("--database", stderr);
    }

    [Fact]
    public async Task A_database_that_is_not_a_registry_is_refused()
    {
        var empty = Path.Combine(_directory, "empty.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={empty}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes (text TEXT)";
            await command.ExecuteNonQueryAsync();
        }

        var (exit, stdout, stderr) = await CliRun.RunAsync("claims", "--database", empty);

        Assert.Equal((1, ""), (exit, stdout));
        Assert.Contains("not a registry", stderr);
    }
}
