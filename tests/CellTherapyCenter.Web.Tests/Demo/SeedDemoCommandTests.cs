using System.Text.Json;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Web.Features.Demo;
using CellTherapyCenter.Web.Tests.CommandLine;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CellTherapyCenter.Web.Tests.CommandLine.WebCommandRun;

namespace CellTherapyCenter.Web.Tests.Demo;

/// <summary>
/// <c>seed-demo</c> end to end on an empty registry: the cohort takes its parameters from the web
/// app's configuration (section Demo, here given on the command line) with the command's own
/// options winning, and a registry that holds patients is refused.
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
}
