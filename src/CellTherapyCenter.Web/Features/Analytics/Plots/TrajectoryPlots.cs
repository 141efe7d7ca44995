using System.Globalization;
using ScottPlot;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>ALSFRS-R totals of a cohort against months from the first course: every patient, or the mean.</summary>
public static class TrajectoryPlots
{
    private const float Right = 30;
    private const float Left = 80;
    private const float Bottom = 56;
    private const float PhoneLeft = 56;
    private const float PhoneRight = 14;

    /// <summary>
    /// A thin translucent line per patient. Beyond <see cref="TrajectoryPlotOptions.MaxPatients"/>
    /// a systematic sample (evenly spaced in the order given) is drawn, so the same input always
    /// gives the same picture; the subtitle says how many are shown.
    /// </summary>
    public static byte[] Spaghetti(IReadOnlyList<PatientTrajectory> patients, TrajectoryPlotOptions options)
    {
        ArgumentNullException.ThrowIfNull(patients);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPatients, 1, nameof(options));
        var withData = patients.Select(TrajectoryPoints.Of).Select(p => p.ToArray()).Where(p => p.Length > 0).ToList();
        if (withData.Count == 0)
            return NoDataImage.Render(options.Title, "No ALSFRS-R assessments in this selection.", options.Width, options.Height, options.Phone);

        var shown = SystematicSample(withData, options.MaxPatients);
        var subtitle = shown.Count < withData.Count
            ? $"{Count(shown.Count)} of {Count(withData.Count)} patients drawn (a fixed systematic sample)"
            : $"{Count(withData.Count)} patients";
        using var plot = NewPlot(options);
        // Fainter lines as they crowd, so dense regions still show where most patients are.
        var color = PlotStyle.Palette[0].WithAlpha(shown.Count > 100 ? 0.25 : 0.5);
        foreach (var points in shown)
        {
            var line = plot.Add.ScatterLine(points.Select(p => p.Month).ToArray(), points.Select(p => p.Total).ToArray(), color);
            line.LineWidth = 1;
            if (points.Length == 1) line.MarkerSize = 4; // a lone assessment has no line to show it
        }
        var months = withData.SelectMany(p => p).Select(p => p.Month).ToList();
        FinishAxes(plot, months.Min(), months.Max(), options.Phone);
        LegendEntry[] legend = [new($"One line per patient: {subtitle}", color, LinePattern.Solid, 1.5f)];
        return PlotImage.Compose(plot, Padding(plot, options), legend, null, 0, options.Phone, options.Width, options.Height);
    }

    /// <summary>
    /// The mean with its 95% band and, under the plot, the number of patients in each mean; the
    /// optional natural-history line runs dashed from its anchor to the last month (or to 0 points).
    /// </summary>
    public static byte[] Mean(IReadOnlyList<MeanPoint> points, TrajectoryPlotOptions options, NaturalHistoryReference? naturalHistory = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(options);
        if (points.Count == 0)
            return NoDataImage.Render(options.Title, "No month has enough patients assessed for a mean.", options.Width, options.Height, options.Phone);

        var sorted = points.OrderBy(p => p.Month).ToList();
        var months = sorted.Select(p => p.Month).ToArray();
        using var plot = NewPlot(options);
        var band = plot.Add.FillY(months, sorted.Select(p => p.Lower).ToArray(), sorted.Select(p => p.Upper).ToArray());
        band.FillColor = PlotStyle.Palette[0].WithAlpha(0.2);
        band.LineWidth = 0;
        var legend = new List<LegendEntry> { new("Shaded: 95% confidence interval of the mean", band.FillColor, LinePattern.Solid, 0, Band: true) };
        var mean = plot.Add.ScatterLine(months, sorted.Select(p => p.Mean).ToArray(), PlotStyle.Palette[0]);
        mean.LineWidth = 2.5f;
        mean.MarkerShape = MarkerShape.FilledCircle;
        mean.MarkerSize = 6;
        legend.Insert(0, new("Mean ALSFRS-R total", PlotStyle.Palette[0], LinePattern.Solid, Marker: MarkerShape.FilledCircle));
        if (naturalHistory is not null) legend.Add(AddNaturalHistory(plot, naturalHistory, months[^1]));

        var (xMin, xMax) = FinishAxes(plot, Math.Min(months[0], naturalHistory?.AnchorMonth ?? months[0]), months[^1], options.Phone);
        PlotStyle.ApplyFonts(plot);

        var padding = Padding(plot, options);
        var width = options.Phone ? PlotStyle.PhoneWidth : options.Width;
        var (row, heading) = PatientCounts(sorted, (width - padding.Left - padding.Right) / (xMax - xMin), options.Phone);
        using var table = NumbersPanel.Create(heading, [row], xMin, xMax, padding.Left, padding.Right, labelsAbove: options.Phone);
        return PlotImage.Compose(plot, padding, legend, table, NumbersPanel.Height(1, options.Phone), options.Phone, options.Width, options.Height);
    }

    /// <summary>Fixed, so that the table under a plot can match it; the top grows with the title's lines (a phone's has none).</summary>
    private static PixelPadding Padding(Plot plot, TrajectoryPlotOptions options) => options.Phone
        ? new(PhoneLeft, PhoneRight, Bottom, 14)
        : new(Left, Right, Bottom, 16 + 24 * plot.Axes.Title.Label.Text.Split('\n').Length);

    private static Plot NewPlot(TrajectoryPlotOptions options)
    {
        var plot = new Plot();
        if (!options.Phone) plot.Title(options.Title); // on a phone the page's caption names the plot
        plot.XLabel("Months from first course");
        plot.YLabel("ALSFRS-R total (0-48)");
        return plot;
    }

    /// <summary>Month ticks, the first course marked, the full 0-48 scale; returns the x limits.</summary>
    private static (double Min, double Max) FinishAxes(Plot plot, double first, double last, bool phone)
    {
        var span = Math.Max(last - first, 1);
        // Room either side for the numbers centred under the first and last ticks; more on a phone's narrow area.
        var margin = (phone ? 0.08 : 0.04) * span;
        var (xMin, xMax) = (first - margin, last + margin);
        if (xMin <= 0 && 0 <= xMax)
        {
            plot.Add.VerticalLine(0, 2, Colors.Black, LinePattern.Dashed);
            // Inside the data area beside the line: above the frame it would collide with a two-line title.
            var label = PlotStyle.AddCentredText(plot, "First course", 0, 48);
            label.Alignment = Alignment.UpperLeft;
            label.OffsetX = 4;
            label.LabelStyle.BackgroundColor = Colors.White.WithAlpha(0.8);
        }
        var ticks = MonthTicks.Between(first, last, maxTicks: phone ? 5 : 11);
        MonthTicks.Show(plot.Axes.Bottom, ticks);
        double[] totals = [0, 6, 12, 18, 24, 30, 36, 42, 48];
        plot.Axes.Left.SetTicks(totals, totals.Select(t => t.ToString(CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.SetLimits(xMin, xMax, 0, 49);
        PlotStyle.ApplyFonts(plot);
        return (xMin, xMax);
    }

    private static LegendEntry AddNaturalHistory(Plot plot, NaturalHistoryReference reference, double lastMonth)
    {
        var end = Math.Max(lastMonth, reference.AnchorMonth);
        if (reference.SlopePerMonth < 0)
            end = Math.Min(end, reference.AnchorMonth + reference.AnchorTotal / -reference.SlopePerMonth); // the scale ends at 0
        var line = plot.Add.ScatterLine(
            new[] { reference.AnchorMonth, end },
            new[] { reference.AnchorTotal, reference.AnchorTotal + reference.SlopePerMonth * (end - reference.AnchorMonth) },
            PlotStyle.Palette[1]);
        line.LineWidth = 2.5f;
        line.LinePattern = PlotStyle.ExpectedPatterns[0];
        return new LegendEntry(reference.Label, PlotStyle.Palette[1], PlotStyle.ExpectedPatterns[0]);
    }

    /// <summary>
    /// The n of each mean, or of every k-th mean when the numbers would overlap at this width;
    /// the heading then says so.
    /// </summary>
    private static (NumberRow Row, string Heading) PatientCounts(List<MeanPoint> points, double pixelsPerMonth, bool phone)
    {
        var labels = points.Select(p => p.N.ToString(CultureInfo.InvariantCulture)).ToList();
        var needed = NumbersPanel.LabelWidth(labels) + 10;
        var closest = points.Zip(points.Skip(1), (a, b) => b.Month - a.Month).DefaultIfEmpty(double.MaxValue).Min() * pixelsPerMonth;
        var every = Math.Max(1, (int)Math.Ceiling(needed / closest));
        var cells = points.Select((p, i) => (p, i)).Where(x => x.i % every == 0).Select(x => (x.p.Month, labels[x.i])).ToList();
        // A phone's narrower heading: the long one would run past the drawing's edge.
        var heading = every == 1 ? "Patients in each mean" : phone ? $"Patients, 1 mean in {every} shown" : $"Patients in each mean (shown for one point in {every})";
        return (new NumberRow("n", cells), heading);
    }

    private static List<T> SystematicSample<T>(IReadOnlyList<T> items, int size) =>
        items.Count <= size ? [.. items] : [.. Enumerable.Range(0, size).Select(i => items[(int)((long)i * items.Count / size)])];

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
