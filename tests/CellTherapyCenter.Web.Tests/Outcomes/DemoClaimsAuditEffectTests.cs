using CellTherapyCenter.Web.Tests.Infrastructure;
using static CellTherapyCenter.Web.Tests.Outcomes.DemoClaimsAuditTests;

namespace CellTherapyCenter.Web.Tests.Outcomes;

/// <summary>
/// The same demo cohort as <see cref="DemoClaimsAuditTests"/> with a treatment effect of 0.3
/// ALSFRS-R points a month after each course: the slope figures must find it. A class of its own,
/// so that its cohort has a registry of its own.
/// </summary>
public sealed class DemoClaimsAuditEffectTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task With_an_effect_of_0_3_points_a_month_the_slope_figures_detect_it(DatabaseProvider database)
    {
        _app = apps[database];
        var report = await SeedAndAuditAsync(_app, 0.3);

        // The per-patient change in slope: above 0, and its interval holds the effect put in.
        var change = Measure(report, "P", "Change in slope");
        Assert.True(change.Lower > 0, Shown(change));
        Assert.True(change.Lower <= 0.3 && change.Upper >= 0.3, Shown(change));
        // The slope after the course is flatter than the untreated means; the slopes before it are not.
        var after = Measure(report, "P", "Slope after the first course, mixed model");
        Assert.True(after.Lower > NaturalHistorySlowest, Shown(after));
        foreach (var before in new[] { Measure(report, "P", "Slope before the first course, from onset"), Measure(report, "P", "Slope before the first course, mixed model") })
            Assert.True(before.Lower <= NaturalHistorySlowest && before.Upper >= NaturalHistoryFastest, Shown(before));
    }
}
