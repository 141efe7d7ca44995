using System.Globalization;
using System.Text.RegularExpressions;
using CellTherapyCenter.Outcomes;
using CellTherapyCenter.Web.Features.PublicSite.Outcomes;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.Outcomes;

/// <summary>
/// How a measured figure reads on a page: the value, its 95% CI and its n, or why there is none.
/// The staff page reads them in the library's English; the public page in the visitor's language
/// (<see cref="Translate"/>, <see cref="Value(ClaimMeasure, IStringLocalizer{OutcomeCardText})"/>).
/// </summary>
public static partial class MeasureText
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static string Value(ClaimMeasure m)
    {
        if (m.Estimate is not { } e) return m.Shortfall ?? "not estimable";
        var p = m.P is { } pv ? $"; p {PValue(pv, En)}" : "";
        if (m.Kind is MeasureKind.ChiSquare) return $"χ² = {Number(m, e)}{p}";
        var ci = $"95% CI {Number(m, m.Lower)} to {Number(m, m.Upper)}";
        return $"{Number(m, e)}{Unit(m)} ({ci}{p})";
    }

    /// <summary>A p-value as journals print it, "= 0.042", "= 0.31", "&lt; 0.001", with the culture's decimal separator (staff English, the public page the reader's).</summary>
    public static string PValue(double p, IFormatProvider culture) =>
        p < 0.001 ? "< " + 0.001.ToString("0.000", culture) : "= " + p.ToString(p < 0.01 ? "0.000" : "0.00", culture);

    public static string Count(ClaimMeasure m) => m.Kind switch
    {
        MeasureKind.Proportion or MeasureKind.CumulativeIncidence when m.Numerator is { } k => $"{k} of {m.Denominator}",
        MeasureKind.MedianMonths when m.Numerator is { } events => $"n = {m.Denominator}, {events} events",
        MeasureKind.Ratio when m.Numerator is { } observed => $"n = {m.Denominator}, {observed} observed",
        MeasureKind.HazardRatio or MeasureKind.ChiSquare when m.Numerator is { } events => $"n = {m.Denominator}, {events} deaths",
        _ => $"n = {m.Denominator}",
    };

    private static string Number(ClaimMeasure m, double? value) => value switch
    {
        null => "not reached",
        { } v when m.Kind is MeasureKind.Proportion or MeasureKind.CumulativeIncidence => (v * 100).ToString("0.0", En) + "%",
        { } v when m.Kind is MeasureKind.Ratio or MeasureKind.HazardRatio or MeasureKind.ChiSquare => v.ToString("0.00", En),
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

    /// <summary>
    /// A text of the outcomes library (a measure's name or method, a note) in the current UI
    /// culture: its numbers become placeholders, the template is looked up as <c>Text:</c> and the
    /// template, and the numbers are written back in the reader's culture. Null where the template
    /// has no translation (a reason or message the library words from data): the caller shows the
    /// English, marked as such.
    /// </summary>
    public static string? Translate(string english, IStringLocalizer<OutcomeCardText> t)
    {
        var numbers = new List<string>();
        var template = Numbers().Replace(english, m =>
        {
            numbers.Add(m.Value);
            return "{" + (numbers.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        });
        var found = t["Text:" + template];
        if (found.ResourceNotFound) return null;
        return string.Format(CultureInfo.CurrentCulture, found.Value, numbers.Select(ReaderNumber).ToArray<object?>());
    }

    /// <summary>The value with its interval in the reader's language and culture; null where only the library's English says why there is none.</summary>
    public static string? Value(ClaimMeasure m, IStringLocalizer<OutcomeCardText> t)
    {
        if (m.Estimate is not { } e) return m.Shortfall is { } why ? Translate(why, t) : t["Value.NotEstimable"];
        var estimate = ReaderNumber(m, e, t);
        if (m.Kind is MeasureKind.ChiSquare) return WithP(t["Value.ChiSquare", estimate], m, t);
        var withUnit = m.Kind switch
        {
            MeasureKind.MedianMonths => t["Value.Months", estimate].Value,
            MeasureKind.SlopePerMonth => t["Value.PerMonth", estimate].Value,
            _ => estimate,
        };
        return WithP(t["Value.Estimate", withUnit, ReaderNumber(m, m.Lower, t), ReaderNumber(m, m.Upper, t)], m, t);
    }

    private static string WithP(string value, ClaimMeasure m, IStringLocalizer<OutcomeCardText> t) =>
        m.P is { } p ? t["Value.WithP", value, PValue(p, CultureInfo.CurrentCulture)] : value;

    public static string Count(ClaimMeasure m, IStringLocalizer<OutcomeCardText> t) => m.Kind switch
    {
        MeasureKind.Proportion or MeasureKind.CumulativeIncidence when m.Numerator is { } k => t["Count.Share", k, m.Denominator],
        MeasureKind.MedianMonths when m.Numerator is { } events => t["Count.Events", m.Denominator, events],
        MeasureKind.Ratio when m.Numerator is { } observed => t["Count.Observed", m.Denominator, observed],
        MeasureKind.HazardRatio or MeasureKind.ChiSquare when m.Numerator is { } events => t["Count.Events", m.Denominator, events],
        _ => t["Count.N", m.Denominator],
    };

    private static string ReaderNumber(ClaimMeasure m, double? value, IStringLocalizer<OutcomeCardText> t) => value switch
    {
        null => t["Value.NotReached"],
        { } v when m.Kind is MeasureKind.Proportion or MeasureKind.CumulativeIncidence => v.ToString("P1", CultureInfo.CurrentCulture),
        { } v => v.ToString("0.00", CultureInfo.CurrentCulture).Replace("-", "−", StringComparison.Ordinal),
    };

    /// <summary>A number as the library wrote it (point or comma), in the reader's culture with the same decimals.</summary>
    private static string ReaderNumber(string invariant)
    {
        var point = invariant.IndexOfAny(['.', ',']);
        if (point < 0) return invariant;
        var value = double.Parse(invariant.Replace(',', '.'), CultureInfo.InvariantCulture);
        return value.ToString("F" + (invariant.Length - point - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);
    }

    // A decimal comma too: the library words its texts in the culture of the request that computed the audit.
    [GeneratedRegex(@"\d+(?:[.,]\d+)?")]
    private static partial Regex Numbers();
}
