namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>One patient's ALSFRS-R totals, months relative to the first treatment course (negative before it, 0 at it).</summary>
public sealed record PatientTrajectory(IReadOnlyList<double> Months, IReadOnlyList<double> Total);

/// <summary>The mean ALSFRS-R total of the patients assessed around <paramref name="Month"/>, with its 95% interval.</summary>
public sealed record MeanPoint(double Month, double Mean, double Lower, double Upper, int N);

/// <summary>
/// A straight natural-history decline drawn for comparison: from (<paramref name="AnchorMonth"/>,
/// <paramref name="AnchorTotal"/>) at <paramref name="SlopePerMonth"/> points a month (negative for a decline).
/// </summary>
/// <param name="Label">For the legend, with its source, e.g. "Natural history, -1.02 points/month (PRO-ACT, Atassi 2014)".</param>
public sealed record NaturalHistoryReference(double AnchorMonth, double AnchorTotal, double SlopePerMonth, string Label);

public sealed record TrajectoryPlotOptions(string Title)
{
    public int Width { get; init; } = PlotStyle.DefaultWidth;
    public int Height { get; init; } = PlotStyle.DefaultHeight;

    /// <summary>Drawn for a phone, as <see cref="KaplanMeierPlotOptions.Phone"/>.</summary>
    public bool Phone { get; init; }

    /// <summary>The most patients the spaghetti plot draws; beyond it, a systematic sample (the subtitle says so).</summary>
    public int MaxPatients { get; init; } = 300;
}
