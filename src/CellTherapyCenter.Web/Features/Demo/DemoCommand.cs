using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>
/// `seed-demo --patients N [--seed S] [--self-report-share X] [--without-follow-up]`: migrates the configured database,
/// seeds a synthetic cohort of N patients into an empty registry, prints one JSON line, and exits.
/// Used for benchmarks and large demos; the web app seeds its small demo by itself.
/// </summary>
public static class DemoCommand
{
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "seed-demo") return null;
        var options = new DemoCohortOptions();
        var hostArgs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--patients": options = options with { Patients = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--seed": options = options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--self-report-share": options = options with { SelfReportShare = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--without-follow-up": options = options with { FollowUpSchedules = false }; break;
                default: hostArgs.Add(args[i]); break;
            }
        }

        var builder = WebApplication.CreateBuilder(hostArgs.ToArray());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IAuditActor>(_ => SystemActor.Instance);
        builder.Services.AddScoped<Infrastructure.AuditLog>();
        builder.Services.AddScoped<DemoCohortSeeder>();
        builder.Services.Configure<FollowUp.FollowUpOptions>(builder.Configuration.GetSection(FollowUp.FollowUpOptions.Section));
        builder.Services.AddRegistryDatabase(builder.Configuration);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await RegistryMigrations.MigrateAsync(db, CancellationToken.None);
        if (await db.Patients.AnyAsync())
        {
            await Console.Error.WriteLineAsync("seed-demo: the registry already holds patients; seed only an empty one.");
            return 2;
        }
        var watch = Stopwatch.StartNew();
        var patients = await scope.ServiceProvider.GetRequiredService<DemoCohortSeeder>().SeedAsync(options, CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        var assessments = await db.AlsfrsRAssessments.CountAsync();
        Console.WriteLine(JsonSerializer.Serialize(new { patients, assessments, seconds = Math.Round(seconds, 1), provider = db.Database.ProviderName }));
        return 0;
    }
}
