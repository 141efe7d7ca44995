using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>
/// The ALSFRS-R plots' words on public and portal pages: PlotText.resx (English), .uk.resx and
/// .sr-Latn.resx. Staff pages use <see cref="PlotTextExtensions.StaffWords"/> (English, clinical terms).
/// </summary>
public sealed class PlotText;

public static class PlotTextExtensions
{
    /// <summary>The staff chart's words: the clinical domain names; dates day-month-year as elsewhere on the site.</summary>
    public static TrajectoryWords StaffWords { get; } = new("ALSFRS-R total", "Bulbar", "Fine motor", "Gross motor", "Respiratory", "Course {0}", "MMM yyyy");

    /// <summary>The words for a patient or the public, in the current UI culture.</summary>
    public static TrajectoryWords Words(this IStringLocalizer<PlotText> text) => new(
        text["Total"], text["Bulbar"], text["FineMotor"], text["GrossMotor"], text["Respiratory"], text["Course"], text["TickFormat"]);

    /// <summary>The figure with its trend sentences: the total's as the figure's caption, each domain's as its panel's text alternative.</summary>
    public static TrajectoryFigure Figure(this IStringLocalizer<PlotText> text, IReadOnlyList<TrajectoryPoint> points, IReadOnlyList<DateOnly> courseStarts,
        TrajectoryWords words, CultureInfo culture) =>
        TrajectorySvg.Render(points, courseStarts, words, culture,
            _ => text.TotalTrend(points, culture),
            (name, value) => text.DomainTrend(name, points.Select(value).ToList(), points, culture));

    /// <summary>
    /// The total's course in one sentence: "The total fell from 38 to 31 over 14 months, about 0.5
    /// points a month." From the first to the last complete total; incomplete assessments have none.
    /// </summary>
    public static string TotalTrend(this IStringLocalizer<PlotText> text, IReadOnlyList<TrajectoryPoint> points, CultureInfo culture)
    {
        var complete = points.Where(p => p.Total is not null).OrderBy(p => p.Date).ToList();
        if (complete.Count == 0) return text["Trend.None"];
        var (first, last) = (complete[0], complete[^1]);
        if (complete.Count == 1) return string.Format(culture, text["Trend.One"], first.Total, first.Date.ToString("d", culture));
        var change = TrajectoryTrend.Of(first.Date, first.Total!.Value, last.Date, last.Total!.Value);
        var key = change.Difference < 0 ? "Trend.Fell" : change.Difference > 0 ? "Trend.Rose" : "Trend.Same";
        return string.Format(culture, text[key], first.Total, last.Total, text.Months(change.Months, culture),
            Math.Abs(change.PerMonth).ToString("0.0", culture));
    }

    private static string DomainTrend(this IStringLocalizer<PlotText> text, string name, List<int?> values, IReadOnlyList<TrajectoryPoint> points, CultureInfo culture)
    {
        var recorded = values.Select((v, i) => (Value: v, points[i].Date)).Where(v => v.Value is not null).OrderBy(v => v.Date).ToList();
        if (recorded.Count == 0) return string.Format(culture, text["Domain.None"], name);
        if (recorded.Count == 1) return string.Format(culture, text["Domain.One"], name, recorded[0].Value);
        var change = TrajectoryTrend.Of(recorded[0].Date, recorded[0].Value!.Value, recorded[^1].Date, recorded[^1].Value!.Value);
        return string.Format(culture, text["Domain.Change"], name, recorded[0].Value, recorded[^1].Value, text.Months(change.Months, culture));
    }

    private static string Months(this IStringLocalizer<PlotText> text, int months, CultureInfo culture) =>
        months == 1 ? text["Months.One"] : string.Format(culture, text["Months"], months);
}

/// <summary>The change between two scores: the difference, the whole months between them (at least one) and the change per month.</summary>
public readonly record struct TrajectoryTrend(int Difference, int Months, double PerMonth)
{
    private const double DaysPerMonth = 365.25 / 12;

    public static TrajectoryTrend Of(DateOnly from, int first, DateOnly to, int last)
    {
        var exactMonths = Math.Max(1, to.DayNumber - from.DayNumber) / DaysPerMonth;
        return new(last - first, Math.Max(1, (int)Math.Round(exactMonths)), (last - first) / exactMonths);
    }
}
