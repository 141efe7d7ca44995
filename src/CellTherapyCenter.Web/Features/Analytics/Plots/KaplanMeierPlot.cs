using System.Globalization;
using CellTherapyCenter.Statistics.Survival;
using ScottPlot;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>
/// Kaplan-Meier curves as a PNG: steps with a shaded 95% band, censoring ticks, optional dashed
/// expected curves, the numbers at risk in a table under the x ticks, and the legend under both.
/// </summary>
public static class KaplanMeierPlot
{
    private const float Right = 30;
    private const float Top = 40;
    private const float Bottom = 56;
    private const float CensorTickSize = 10;
    private const float PhoneLeft = 60;
    private const float PhoneRight = 14;
    private const float PhoneTop = 14;

    public static byte[] Render(IReadOnlyList<SurvivalSeries> series, KaplanMeierPlotOptions options,
        IReadOnlyList<ExpectedSeries>? expected = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        expected ??= [];
        if (series.Count == 0)
            return NoDataImage.Render(options.Title, "No patients in this selection: no survival curve to draw.", options.Width, options.Height, options.Phone);

        var end = series.Select(s => s.Curve.Time[^1]).Concat(expected.SelectMany(e => e.Time)).Max();
        if (end <= 0) end = 1;
        // On a phone fewer ticks, so that the numbers at risk under them keep apart.
        var ticks = MonthTicks.Between(0, end, options.Phone ? 5 : 9);
        // A margin either side so that the at-risk numbers at 0 and at the last tick are not cut in half.
        var margin = (options.Phone ? 0.08 : 0.04) * end;
        var (xMin, xMax) = (-margin, end + margin);

        using var plot = new Plot();
        if (!options.Phone) plot.Title(options.Title); // on a phone the page's caption names the plot
        plot.XLabel($"Months since {options.Origin}");
        plot.YLabel("Survival probability");
        // Overlapping bands of several groups darken each other; lighter shading keeps the lines legible.
        var bandAlpha = series.Count > 2 ? 0.10 : 0.15;
        var legend = new List<LegendEntry>();
        for (var i = 0; i < series.Count; i++)
            legend.Add(AddObserved(plot, series[i], PlotStyle.ColorAt(i), PlotStyle.ObservedPatterns[i % PlotStyle.ObservedPatterns.Length], bandAlpha));
        for (var j = 0; j < expected.Count; j++)
            legend.Add(AddExpected(plot, expected[j], PlotStyle.ColorAt(series.Count + j), PlotStyle.ExpectedPatterns[j % PlotStyle.ExpectedPatterns.Length]));
        legend.Add(new LegendEntry("Shaded: 95% confidence band", Colors.Black.WithAlpha(0.15), LinePattern.Solid, LineWidth: 0, Band: true));
        if (series.Any(s => s.Curve.NCensor.Any(c => c > 0)))
            legend.Add(new LegendEntry("Censored", Colors.Black, LinePattern.Solid, LineWidth: 0, Marker: MarkerShape.VerticalBar));

        MonthTicks.Show(plot.Axes.Bottom, ticks);
        double[] probabilities = [0, 0.2, 0.4, 0.6, 0.8, 1];
        plot.Axes.Left.SetTicks(probabilities, probabilities.Select(p => p.ToString("0.0", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.SetLimits(xMin, xMax, -0.02, 1.03);
        PlotStyle.ApplyFonts(plot);

        var rows = series.Select(s => new NumberRow(s.Label,
            ticks.Select(t => (t, AtRisk(s.Curve, t).ToString(CultureInfo.InvariantCulture))).ToList())).ToList();
        // On a phone the row labels stand above their numbers, so the left margin holds only the y axis.
        var left = options.Phone ? PhoneLeft : Math.Max(90, NumbersPanel.LabelWidth(rows.Select(r => r.Label)) + 24);
        var right = options.Phone ? PhoneRight : Right;
        using var table = NumbersPanel.Create("Number at risk", rows, xMin, xMax, left, right, labelsAbove: options.Phone);
        return PlotImage.Compose(plot, new PixelPadding(left, right, Bottom, options.Phone ? PhoneTop : Top), legend,
            table, NumbersPanel.Height(rows.Count, options.Phone), options.Phone, options.Width, options.Height);
    }

    /// <summary>
    /// The number at risk just at <paramref name="time"/>: subjects whose time is at least
    /// <paramref name="time"/>, as R's <c>summary(survfit, times = t)</c> reports it; 0 after the last time.
    /// </summary>
    public static int AtRisk(KaplanMeierCurve curve, double time)
    {
        ArgumentNullException.ThrowIfNull(curve);
        // NRisk at the first stored time at or after t counts exactly the subjects with time >= t,
        // since no subject's time lies between t and that stored time.
        for (var i = 0; i < curve.Time.Count; i++)
        {
            if (curve.Time[i] >= time) return curve.NRisk[i];
        }
        return 0;
    }

    private static LegendEntry AddObserved(Plot plot, SurvivalSeries series, Color color, LinePattern pattern, double bandAlpha)
    {
        foreach (var (x, lower, upper) in SurvivalSteps.Band(series.Curve))
        {
            var band = plot.Add.FillY(x, lower, upper);
            band.FillColor = color.WithAlpha(bandAlpha);
            band.LineWidth = 0;
        }
        var (xs, ys) = SurvivalSteps.Curve(series.Curve);
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.LineWidth = 2.5f;
        line.LinePattern = pattern;
        var legend = new LegendEntry($"{series.Label} (n = {series.Curve.N}, events = {series.Curve.Events})", color, pattern);

        var censored = Enumerable.Range(0, series.Curve.Time.Count).Where(i => series.Curve.NCensor[i] > 0).ToList();
        if (censored.Count > 0)
        {
            plot.Add.Markers(censored.Select(i => series.Curve.Time[i]).ToArray(),
                censored.Select(i => series.Curve.Survival[i]).ToArray(), MarkerShape.VerticalBar, CensorTickSize, color);
        }
        return legend;
    }

    private static LegendEntry AddExpected(Plot plot, ExpectedSeries expected, Color color, LinePattern pattern)
    {
        if (expected.Time.Count != expected.Survival.Count)
            throw new ArgumentException($"Expected curve \"{expected.Label}\" needs one survival value per time.", nameof(expected));
        var line = plot.Add.ScatterLine(expected.Time.ToArray(), expected.Survival.ToArray(), color);
        line.LineWidth = 2.5f;
        line.LinePattern = pattern;
        return new LegendEntry(expected.Label, color, pattern);
    }
}
