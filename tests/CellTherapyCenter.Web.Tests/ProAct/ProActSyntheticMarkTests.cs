using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CellTherapyCenter.Web.Tests.CommandLine.WebCommandRun;

namespace CellTherapyCenter.Web.Tests.ProAct;

/// <summary>
/// <c>import proact --synthetic</c> marks the cohort synthetic in the import's own transaction, and
/// an import never makes a cohort public (only an administrator does, at /staff/cohorts).
/// </summary>
public sealed class ProActSyntheticMarkTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task The_synthetic_flag_marks_the_cohort_and_no_import_makes_it_public(DatabaseProvider database)
    {
        var app = apps[database];
        string[] target = ["--database", app.ConnectionString, "--provider", app.Provider == DatabaseProvider.PostgreSQL ? "postgresql" : "sqlite"];

        var (exit, _, stderr) = await RunAsync(["import", "proact", "--dir", ProActFiles.Write(ProActFiles.Sample), .. target, "--cohort", "generated", "--synthetic"]);
        Assert.True(exit == 0, stderr);
        (exit, _, stderr) = await RunAsync(["import", "proact", "--dir", ProActFiles.Write(ProActFiles.Sample), .. target, "--cohort", "real"]);
        Assert.True(exit == 0, stderr);

        var flags = await app.WithDbAsync(db => db.ExternalCohorts.OrderBy(c => c.Name).Select(c => new { c.Name, c.IsSynthetic, c.IsPublic }).ToListAsync());
        Assert.Equal([("generated", true, false), ("real", false, false)], flags.Select(f => (f.Name, f.IsSynthetic, f.IsPublic)));
    }
}
