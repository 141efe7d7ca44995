using System.Net;
using CellTherapyCenter.Outcomes;
using CellTherapyCenter.Web.Features.Demo;
using CellTherapyCenter.Web.Features.Outcomes;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Outcomes;

/// <summary>
/// The demo cohort end to end through the registry: with the treatment effect at its default
/// (none), every survival and progression figure of the audit must be compatible with no effect.
/// (<see cref="DemoClaimsAuditEffectTests"/>: with an effect, the slope figures find it.)
/// </summary>
public sealed class DemoClaimsAuditTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    /// <summary>Published means of untreated decline (natural-history.md): -1.02 (PRO-ACT) and -0.70 (DREAM, months 3-12).</summary>
    internal const double NaturalHistoryFastest = -1.02, NaturalHistorySlowest = -0.70;

    private RegistryAppFactory _app = null!;

    /// <summary>
    /// Seeds the demo cohort the site shows by default (its patients and seed are the defaults of
    /// <see cref="DemoCohortOptions"/> and appsettings.json: a test fails if the public demo shows
    /// an effect it does not have) with the given effect, and computes the audit.
    /// </summary>
    internal static async Task<ClaimsAuditReport> SeedAndAuditAsync(RegistryAppFactory app, double effectPointsPerMonth)
    {
        // No follow-up schedules: the audit does not read them, they draw nothing at random, and
        // seeding is quicker without. The cohort's dates follow its data date; its draws do not.
        // Nor the natural-history cohort: these tests read the claims, not the comparisons with it.
        var options = new DemoCohortOptions
        {
            DataDate = new DateOnly(2026, 6, 1), TreatmentEffectPointsPerMonth = effectPointsPerMonth, FollowUpSchedules = false, NaturalHistorySubjects = 0,
        };
        _ = app.Server;
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoCohortSeeder>().SeedAsync(options, CancellationToken.None);
        return (await app.Services.GetRequiredService<ClaimsAuditCache>().GetAsync(new ClaimsAuditParameters(), CancellationToken.None)).Report;
    }

    internal static ClaimMeasure Measure(ClaimsAuditReport report, string claim, string nameStart) =>
        report.Claim(claim).Measures.Single(m => m.Name.StartsWith(nameStart, StringComparison.Ordinal));

    internal static string Shown(ClaimMeasure m) => $"{m.Name}: {m.Estimate:0.000} ({m.Lower:0.000} to {m.Upper:0.000}), n = {m.Denominator}";

    [Theory, EveryDatabase]
    public async Task Without_a_treatment_effect_every_survival_and_progression_figure_is_compatible_with_none(DatabaseProvider database)
    {
        _app = apps[database];
        var report = await SeedAndAuditAsync(_app, 0);

        Assert.Equal(600, report.SyntheticPatients);
        Assert.True(report.TreatedPatients > 400);
        Assert.InRange(report.DataDate, new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1)); // the latest date recorded
        foreach (var claim in report.Claims)
            Assert.Contains(claim.Measures, m => m.IsEstimated); // enough demo data for every claim

        // Survival: every observed/expected ratio (after the first course; King's stage 4A/4B for C6)
        // has 1 inside its interval. The medians have no value to compare with and are not checked.
        var ratios = report.Claims.Where(c => c.Stated.Id is "S" or "C6").SelectMany(c => c.Measures).Where(m => m.Kind == MeasureKind.Ratio).ToList();
        Assert.Equal(2, ratios.Count);
        Assert.All(ratios, m => Assert.True(m.Lower <= 1 && m.Upper >= 1, Shown(m)));

        // Progression, figure by figure.
        var progression = report.Claim("P").Measures;
        Assert.All(progression, m => Assert.True(m.IsEstimated, m.Name + ": " + m.Shortfall));
        var change = Measure(report, "P", "Change in slope");
        Assert.True(change.Lower <= 0 && change.Upper >= 0, Shown(change));
        // Each slope (after the course, before it from onset, before it from scores) reaches the range of untreated means.
        var slopes = progression.Where(m => m.Name.StartsWith("Slope after", StringComparison.Ordinal) || m.Name.StartsWith("Slope before", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, slopes.Count);
        Assert.All(slopes, m => Assert.True(m.Lower <= NaturalHistorySlowest && m.Upper >= NaturalHistoryFastest, Shown(m)));
        // The responder share stays below the 27.7% of a placebo arm.
        var responders = Measure(report, "P", "Slope improved");
        Assert.True(responders.Estimate < 0.277, Shown(responders));
        Assert.Equal(5, progression.Count); // a new figure needs its own check here

        // The public page shows the same figures, each with its n and interval.
        await _app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicSiteCache.Tag, default);
        var html = WebUtility.HtmlDecode(await _app.CreateClient().GetStringAsync("/outcomes"));
        foreach (var claim in report.Claims)
        {
            Assert.Contains(MeasureText.Value(claim.Primary), html);
            Assert.Contains(MeasureText.Count(claim.Primary), html);
        }
        Assert.Contains("95% CI", html);
    }
}
