using System.Globalization;
using CellTherapyCenter.Outcomes;

namespace CellTherapyCenter.Web.Features.Outcomes;

/// <summary>How a measured figure reads on a page: the value, its 95% CI and its n, or why there is none.</summary>
public static class MeasureText
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static string Value(ClaimMeasure m)
    {
        if (m.Estimate is not { } e) return m.Shortfall ?? "not estimable";
        var ci = $"95% CI {Number(m, m.Lower)} to {Number(m, m.Upper)}";
        return $"{Number(m, e)}{Unit(m)} ({ci})";
    }

    public static string Count(ClaimMeasure m) => m.Kind switch
    {
        MeasureKind.Proportion or MeasureKind.CumulativeIncidence when m.Numerator is { } k => $"{k} of {m.Denominator}",
        MeasureKind.MedianMonths when m.Numerator is { } events => $"n = {m.Denominator}, {events} events",
        MeasureKind.Ratio when m.Numerator is { } observed => $"n = {m.Denominator}, {observed} observed",
        _ => $"n = {m.Denominator}",
    };

    private static string Number(ClaimMeasure m, double? value) => value switch
    {
        null => "not reached",
        { } v when m.Kind is MeasureKind.Proportion or MeasureKind.CumulativeIncidence => (v * 100).ToString("0.0", En) + "%",
        { } v when m.Kind is MeasureKind.Ratio => v.ToString("0.00", En),
        { } v => v.ToString("0.00", En).Replace("-", "−", StringComparison.Ordinal),
    };

    private static string Unit(ClaimMeasure m) => m.Kind switch
    {
        MeasureKind.MedianMonths => " months",
        MeasureKind.SlopePerMonth => " points/month",
        _ => "",
    };

    /// <summary>A plain number for CSV (invariant culture, empty when absent).</summary>
    public static string Csv(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
