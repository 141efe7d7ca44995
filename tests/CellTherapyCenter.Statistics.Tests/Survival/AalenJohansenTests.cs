using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Statistics.Tests.Survival;

/// <summary>
/// Cumulative incidence with a competing risk against R 4.2.2 / survival 3.5.3 (multi-state survfit,
/// infinitesimal-jackknife standard errors), stored by Reference/make-competing-risk-references.R:
/// mgus2 (progression against death) and a small set with ties across causes.
/// </summary>
public sealed class AalenJohansenTests
{
    [Theory]
    [InlineData("mgus2")]
    [InlineData("ties")]
    public void Agrees_with_multi_state_survfit(string set)
    {
        var data = ReferenceData.Read($"data-competing-{set}.csv");
        var reference = ReferenceData.Read($"cif-{set}.csv");
        var rows = Enumerable.Range(0, data.Count).ToList();
        var all = Enumerable.Range(0, reference.Count).ToList();
        var curve = AalenJohansen.Fit(data.Numbers("time", rows), rows.Select(r => (int)data.Number(r, "cause")).ToArray());

        AssertR.Close(reference.Numbers("time", all), curve.Time, $"{set} time");
        AssertR.Close(reference.Numbers("n.risk", all), curve.NRisk.Select(n => (double)n).ToArray(), $"{set} n.risk");
        AssertR.Close(reference.Numbers("event.free", all), curve.EventFree, $"{set} event-free");
        AssertR.Close(reference.Numbers("cif1", all), curve.For(1).Incidence, $"{set} incidence 1");
        AssertR.Close(reference.Numbers("se1", all), curve.For(1).StdErr, $"{set} std.err 1");
        AssertR.Close(reference.Numbers("cif2", all), curve.For(2).Incidence, $"{set} incidence 2");
        AssertR.Close(reference.Numbers("se2", all), curve.For(2).StdErr, $"{set} std.err 2");
    }
}
