using System.Diagnostics;
using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Web.CommandLine;
using CellTherapyCenter.Web.Features.Demo;
using CellTherapyCenter.Web.Tests.CommandLine;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CellTherapyCenter.Web.Tests.CommandLine.WebCommandRun;

namespace CellTherapyCenter.Web.Tests.Demo;

/// <summary>
/// <c>seed-demo</c> end to end on an empty registry: the cohort takes its parameters from the web
/// app's configuration (section Demo: appsettings.json, the environment, --Demo:Key arguments)
/// with the command's own options winning, its audit line records the options used, and a
/// registry that holds patients is refused.
/// </summary>
public sealed class SeedDemoCommandTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task Seeds_the_configured_cohort_once(DatabaseProvider database)
    {
        var app = apps[database];
        var (exit, stdout, stderr) = await RunAsync(["seed-demo", "--patients", "12", "--without-follow-up", .. DatabaseOf(app),
            "--Demo:Patients", "50", "--Demo:Seed", "9", "--Demo:TreatmentEffectPointsPerMonth", "0.5", "--Demo:DataDate", "2026-06-01"]);

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(12, json.RootElement.GetProperty("patients").GetInt32());
        var expected = new DemoCohortGenerator(
            new DemoCohortOptions { Patients = 12, Seed = 9, TreatmentEffectPointsPerMonth = 0.5, FollowUpSchedules = false },
            new DateOnly(2026, 6, 1)).Generate();
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(expected.Patients.Select(p => p.Id).Order(), (await db.Patients.Select(p => p.Id).ToListAsync()).Order());
            Assert.Equal(expected.Assessments.Count, json.RootElement.GetProperty("assessments").GetInt32());
            Assert.Equal(0, await db.FollowUpItems.CountAsync());
            var line = await db.AuditEntries.SingleAsync(a => a.EntityType == "DemoCohort" && a.Action == AuditActions.Create);
            using var detail = JsonDocument.Parse(line.Detail!);
            Assert.Equal(9, detail.RootElement.GetProperty("Seed").GetInt32());
            Assert.Equal(0.5, detail.RootElement.GetProperty("TreatmentEffectPointsPerMonth").GetDouble());
            return 0;
        });

        (exit, stdout, stderr) = await RunAsync(["seed-demo", "--patients", "3", .. DatabaseOf(app)]);
        Assert.Equal((2, ""), (exit, stdout));
        Assert.Contains("already holds patients", stderr);
    }

    /// <summary>The content root's appsettings.json: every Demo option, each source below overrides some.</summary>
    private const string AppSettings = """
        { "Demo": { "Patients": 6, "Seed": 21, "TreatmentEffectPointsPerMonth": 0.2, "SelfReportShare": 0.1, "FollowUpSchedules": false, "DataDate": "2026-06-01" } }
        """;

    [Theory, EveryDatabase]
    public async Task Every_source_of_the_Demo_settings_reaches_the_cohort_and_its_audit_line(DatabaseProvider database)
    {
        var contentRoot = ScratchDirectory.Create("ctc-seed-demo-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(contentRoot, "appsettings.json"), AppSettings);
            var fromFile = new DemoCohortOptions { Patients = 6, Seed = 21, TreatmentEffectPointsPerMonth = 0.2, SelfReportShare = 0.1, FollowUpSchedules = false, DataDate = new DateOnly(2026, 6, 1) };

            // appsettings.json alone.
            await SeedAndCheckAsync(database, fromFile, registry => RunAsync(["seed-demo", .. Host(registry, contentRoot)]));
            // The environment over it, as an operator sets Demo__Seed=...: a process of its own, so
            // that no other test's host reads these variables.
            await SeedAndCheckAsync(database, fromFile with { Seed = 22, TreatmentEffectPointsPerMonth = 0.4 },
                registry => RunProcessAsync(["seed-demo", .. Host(registry, contentRoot)], new() { ["Demo__Seed"] = "22", ["Demo__TreatmentEffectPointsPerMonth"] = "0.4" }));
            // --Demo:Key=value arguments over it.
            await SeedAndCheckAsync(database, fromFile with { Seed = 23, SelfReportShare = 0.3, DataDate = new DateOnly(2026, 3, 1) },
                registry => RunAsync(["seed-demo", .. Host(registry, contentRoot), "--Demo:Seed=23", "--Demo:SelfReportShare=0.3", "--Demo:DataDate=2026-03-01"]));
            // The command's own options over everything.
            await SeedAndCheckAsync(database, fromFile with { Patients = 4, Seed = 24, SelfReportShare = 0.5 },
                registry => RunAsync(["seed-demo", "--patients", "4", "--seed", "24", "--self-report-share", "0.5", .. Host(registry, contentRoot), "--Demo:Seed=23"]));
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task A_Demo_setting_that_cannot_be_read_is_refused_with_its_name()
    {
        var (exit, stdout, stderr) = await RunAsync(["seed-demo", "--Database:Provider", "Sqlite", "--Database:SqlitePath", Path.Combine(Path.GetTempPath(), "never-created.db"), "--Demo:Seed=many"]);
        Assert.Equal((2, ""), (exit, stdout));
        Assert.Contains("error: the Demo settings cannot be read", stderr);
        Assert.Contains("Demo:Seed", stderr);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
    }

    private static string[] Host(RegistryAppFactory registry, string contentRoot) =>
    [
        "--contentRoot", contentRoot,
        "--Database:Provider", registry.Provider.ToString(),
        "--ConnectionStrings:Registry", registry.ConnectionString,
        "--Logging:LogLevel:Default", "Warning",
    ];

    /// <summary>
    /// Seeds a registry of its own (never started as an app: the command migrates it) and checks
    /// that the stored cohort is the one these options generate and the audit line names them.
    /// </summary>
    private static async Task SeedAndCheckAsync(DatabaseProvider database, DemoCohortOptions expected, Func<RegistryAppFactory, Task<(int Exit, string Out, string Err)>> seed)
    {
        using RegistryAppFactory registry = database == DatabaseProvider.Sqlite ? new SqliteApp() : new PostgreSqlApp();
        var (exit, stdout, stderr) = await seed(registry);
        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        var cohort = new DemoCohortGenerator(expected, expected.DataDate!.Value).Generate();
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal((expected.Patients, cohort.Assessments.Count), (json.RootElement.GetProperty("patients").GetInt32(), json.RootElement.GetProperty("assessments").GetInt32()));

        await using var host = CommandHost.CreateBuilder(["--Database:Provider", database.ToString(), "--ConnectionStrings:Registry", registry.ConnectionString, "--Logging:LogLevel:Default", "Warning"]).Build();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        Assert.Equal(cohort.Patients.Select(p => p.Id).Order(), (await db.Patients.Select(p => p.Id).ToListAsync()).Order());
        Assert.Equal(cohort.Assessments.Sum(a => a.Total), await db.AlsfrsRAssessments.SumAsync(a => a.Total));
        Assert.Equal(0, await db.FollowUpItems.CountAsync());
        var line = await db.AuditEntries.SingleAsync(a => a.EntityType == "DemoCohort" && a.Action == AuditActions.Create);
        using var detail = JsonDocument.Parse(line.Detail!);
        var d = detail.RootElement;
        Assert.Equal(
            (expected.Patients, expected.Seed, expected.TreatmentEffectPointsPerMonth, expected.SelfReportShare, expected.FollowUpSchedules, expected.DataDate!.Value.ToString("yyyy-MM-dd")),
            (d.GetProperty("Patients").GetInt32(), d.GetProperty("Seed").GetInt32(), d.GetProperty("TreatmentEffectPointsPerMonth").GetDouble(),
                d.GetProperty("SelfReportShare").GetDouble(), d.GetProperty("FollowUpSchedules").GetBoolean(), d.GetProperty("DataDate").GetString()));
    }

    /// <summary>The web app's command as its own process, with extra environment variables.</summary>
    private static async Task<(int Exit, string Out, string Err)> RunProcessAsync(string[] args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CellTherapyCenter.Web.dll"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A bound for a machine busy with other tests, not a guess at how long seeding takes.
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"seed-demo did not finish within 5 minutes: {await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
