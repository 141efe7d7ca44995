using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>One group's Kaplan-Meier curve, times in months, with the label the legend and the at-risk table show.</summary>
public sealed record SurvivalSeries(string Label, KaplanMeierCurve Curve);

/// <summary>An expected survival curve (e.g. ENCALS-predicted), drawn dashed through its points; times in months.</summary>
public sealed record ExpectedSeries(string Label, IReadOnlyList<double> Time, IReadOnlyList<double> Survival);

/// <param name="Title">Above the plot.</param>
/// <param name="Origin">What time 0 is, completing the x axis label "Months since ..." (e.g. "first course").</param>
public sealed record KaplanMeierPlotOptions(string Title, string Origin)
{
    public int Width { get; init; } = PlotStyle.DefaultWidth;
    public int Height { get; init; } = PlotStyle.DefaultHeight;

    /// <summary>
    /// Drawn for a phone: an SVG <see cref="PlotStyle.PhoneWidth"/> wide (<see cref="Width"/> and
    /// <see cref="Height"/> are then ignored), with fewer ticks, no title (the page gives it) and the
    /// table's row labels above their numbers.
    /// </summary>
    public bool Phone { get; init; }
}
