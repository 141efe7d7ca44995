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
/// (none), the audit must not show a survival benefit or a slowing of progression.
/// </summary>
public sealed class DemoClaimsAuditTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task Without_a_treatment_effect_the_demo_shows_no_survival_benefit(DatabaseProvider database)
    {
        _app = apps[database];
        var options = new DemoCohortOptions { Patients = 600, Seed = 7, DataDate = new DateOnly(2026, 6, 1) };
        _ = _app.Server;
        using (var scope = _app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoCohortSeeder>().SeedAsync(options, CancellationToken.None);

        var report = (await _app.Services.GetRequiredService<ClaimsAuditCache>().GetAsync(new ClaimsAuditParameters(), CancellationToken.None)).Report;

        Assert.Equal(600, report.SyntheticPatients);
        Assert.True(report.TreatedPatients > 400);
        Assert.InRange(report.DataDate, new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1)); // the latest date recorded
        foreach (var claim in report.Claims)
            Assert.Contains(claim.Measures, m => m.IsEstimated); // enough demo data for every claim
        // Survival: observed events are not fewer than ENCALS expects (the interval's upper end is not below 1).
        var survival = report.Claim("S").Primary;
        Assert.Equal(MeasureKind.Ratio, survival.Kind);
        Assert.True(survival.Upper >= 1, $"O/E {survival.Estimate:0.00} ({survival.Lower:0.00}-{survival.Upper:0.00}) would claim a survival benefit");
        // Progression: the slope after the course is no better than the ALSFRS-R slope an untreated patient shows.
        var after = report.Claim("P").Measures.Single(m => m.Name.StartsWith("Slope after the first course, mixed model"));
        Assert.True(after.Lower < -0.3, $"post-course slope {after.Estimate:0.00} points/month is flatter than natural history");
        var responders = report.Claim("P").Measures.Single(m => m.Name.StartsWith("Slope improved"));
        Assert.True(responders.Estimate < 0.277, "fewer slope responders than placebo arms report");

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
