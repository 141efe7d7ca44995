using System.Globalization;
using static CellTherapyCenter.Outcomes.Tests.Cohort;

namespace CellTherapyCenter.Outcomes.Tests;

/// <summary>
/// The report is cached and read by every visitor, so its texts must not depend on the culture of
/// the request that computed it (a Ukrainian visitor first once gave "1,25 points/month" to all).
/// </summary>
public sealed class ClaimsAuditCultureTests
{
    [Theory]
    [InlineData("uk")]
    [InlineData("sr-Latn")]
    [InlineData("de-DE")]
    public void The_report_reads_the_same_whatever_culture_computes_it(string culture)
    {
        var patients = Times(3, () => Treated() with { Assessments = [Score(-120, 40), Score(-30, 38), Score(60, 37), Score(150, 36)] });

        var invariant = InCulture(CultureInfo.InvariantCulture, () => ClaimsAuditJson.Write(ClaimsAudit.Compute(patients, DataDate)));
        var local = InCulture(CultureInfo.GetCultureInfo(culture), () => ClaimsAuditJson.Write(ClaimsAudit.Compute(patients, DataDate)));

        Assert.Contains("1.25", invariant, StringComparison.Ordinal);
        Assert.Equal(invariant, local);
    }

    [Fact]
    public void Computing_the_report_leaves_the_callers_culture_as_it_was()
    {
        var uk = CultureInfo.GetCultureInfo("uk");
        Assert.Equal(uk, InCulture(uk, () => { ClaimsAudit.Compute([Treated()], DataDate); return CultureInfo.CurrentCulture; }));
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try { return action(); }
        finally { CultureInfo.CurrentCulture = before; }
    }
}
