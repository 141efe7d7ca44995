using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Web.CommandLine;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>
/// `seed-demo --patients N [--seed S] [--self-report-share X] [--without-follow-up]`: migrates the configured database,
/// seeds a synthetic cohort of N patients into an empty registry, prints one JSON line, and exits.
/// Used for benchmarks and large demos; the web app seeds its small demo by itself. The cohort's
/// other parameters (the treatment effect, the data date) come from the configuration section
/// Demo, as for that small demo; the options given here win over it.
/// </summary>
public static class SeedDemoCommand
{
    public static Command Create()
    {
        var patients = CommandOption.WholeNumber("--patients", "N", "how many synthetic patients (default: Demo:Patients, 300)");
        var seed = CommandOption.WholeNumber("--seed", "S", "the random seed; the same seed gives the same cohort (default: Demo:Seed)", allowNegative: true);
        var selfReportShare = CommandOption.Number("--self-report-share", "X", "the share of months between visits with a self-reported ALSFRS-R, 0 to 1 (default: Demo:SelfReportShare, 0.2)");
        var withoutFollowUp = CommandOption.Flag("--without-follow-up", "seed no follow-up schedules (for benchmarks that do not read them)");
        var command = new Command("seed-demo",
            "Migrates the configured database and seeds a synthetic cohort into an empty registry; prints one JSON line " +
            "(patients, assessments, seconds, provider). " + CommandHost.ArgumentsHelp)
        {
            patients, seed, selfReportShare, withoutFollowUp,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parsed, _) =>
        {
            var hostArgs = CommandHost.Arguments(parsed);
            await using var app = CommandHost.CreateBuilder(hostArgs).Build();
            // The web app's own demo settings (section Demo, e.g. the treatment effect) from every source
            // the web app reads (appsettings.json, the environment, --Demo:Key arguments), then this
            // command's options over them. The audit line records the options used.
            DemoCohortOptions options;
            try
            {
                options = DemoCohortOptions.From(app.Configuration);
            }
            catch (InvalidOperationException e)
            {
                // e.g. "Failed to convert configuration value at 'Demo:Seed' to type 'System.Int32'."
                throw new CliException($"the Demo settings cannot be read: {e.Message}", isUsage: true);
            }
            options = options with
            {
                Patients = parsed.GetValue(patients) ?? options.Patients,
                Seed = parsed.GetValue(seed) ?? options.Seed,
                SelfReportShare = parsed.GetValue(selfReportShare) ?? options.SelfReportShare,
                FollowUpSchedules = options.FollowUpSchedules && !parsed.GetValue(withoutFollowUp),
            };
            return await SeedAsync(app, options, parsed.InvocationConfiguration);
        });
        return command;
    }

    private static async Task<int> SeedAsync(WebApplication app, DemoCohortOptions options, InvocationConfiguration console)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await RegistryMigrations.MigrateAsync(db, CancellationToken.None);
        if (await db.Patients.AnyAsync())
        {
            await console.Error.WriteLineAsync("seed-demo: the registry already holds patients; seed only an empty one.");
            return CommandLineRunner.Usage;
        }
        var watch = Stopwatch.StartNew();
        var patients = await scope.ServiceProvider.GetRequiredService<DemoCohortSeeder>().SeedAsync(options, CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        var assessments = await db.AlsfrsRAssessments.CountAsync();
        await console.Output.WriteLineAsync(JsonSerializer.Serialize(new { patients, assessments, seconds = Math.Round(seconds, 1), provider = db.Database.ProviderName }));
        return CommandLineRunner.Ok;
    }
}
