using System.Globalization;
using CellTherapyCenter.Statistics.Survival;
using ScottPlot;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>
/// Kaplan-Meier curves as a PNG: steps with a shaded 95% band, censoring ticks, optional dashed
/// expected curves, and the numbers at risk in a table under the x ticks.
/// </summary>
public static class KaplanMeierPlot
{
    private const float Right = 30;
    private const float Top = 40;
    private const float Bottom = 56;
    private const float CensorTickSize = 10;

    public static byte[] Render(IReadOnlyList<SurvivalSeries> series, KaplanMeierPlotOptions options,
        IReadOnlyList<ExpectedSeries>? expected = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        expected ??= [];
        if (series.Count == 0)
            return NoDataImage.Render(options.Title, "No patients in this selection: no survival curve to draw.", options.Width, options.Height);

        var end = series.Select(s => s.Curve.Time[^1]).Concat(expected.SelectMany(e => e.Time)).Max();
        if (end <= 0) end = 1;
        var ticks = MonthTicks.Between(0, end);
        // A margin either side so that the at-risk numbers at 0 and at the last tick are not cut in half.
        var (xMin, xMax) = (-0.04 * end, end * 1.04);

        using var plot = new Plot();
        plot.Title(options.Title);
        plot.XLabel($"Months since {options.Origin}");
        plot.YLabel("Survival probability");
        // Overlapping bands of several groups darken each other; lighter shading keeps the lines legible.
        var bandAlpha = series.Count > 2 ? 0.10 : 0.15;
        for (var i = 0; i < series.Count; i++)
            AddObserved(plot, series[i], PlotStyle.ColorAt(i), PlotStyle.ObservedPatterns[i % PlotStyle.ObservedPatterns.Length], bandAlpha);
        for (var j = 0; j < expected.Count; j++)
            AddExpected(plot, expected[j], PlotStyle.ColorAt(series.Count + j), PlotStyle.ExpectedPatterns[j % PlotStyle.ExpectedPatterns.Length]);

        MonthTicks.Show(plot.Axes.Bottom, ticks);
        double[] probabilities = [0, 0.2, 0.4, 0.6, 0.8, 1];
        plot.Axes.Left.SetTicks(probabilities, probabilities.Select(p => p.ToString("0.0", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.SetLimits(xMin, xMax, -0.02, 1.03);
        ShowLegend(plot, withCensorings: series.Any(s => s.Curve.NCensor.Any(c => c > 0)));
        PlotStyle.ApplyFonts(plot);

        var rows = series.Select(s => new NumberRow(s.Label,
            ticks.Select(t => (t, AtRisk(s.Curve, t).ToString(CultureInfo.InvariantCulture))).ToList())).ToList();
        var left = Math.Max(90, NumbersPanel.LabelWidth(rows.Select(r => r.Label)) + 24);
        plot.Layout.Fixed(new PixelPadding(left, Right, Bottom, Top));
        using var table = NumbersPanel.Create("Number at risk", rows, xMin, xMax, left, Right);
        return StackedPng.Render(plot, table, NumbersPanel.Height(rows.Count), options.Width, options.Height);
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

    private static void AddObserved(Plot plot, SurvivalSeries series, Color color, LinePattern pattern, double bandAlpha)
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
        line.LegendText = $"{series.Label} (n = {series.Curve.N}, events = {series.Curve.Events})";

        var censored = Enumerable.Range(0, series.Curve.Time.Count).Where(i => series.Curve.NCensor[i] > 0).ToList();
        if (censored.Count > 0)
        {
            plot.Add.Markers(censored.Select(i => series.Curve.Time[i]).ToArray(),
                censored.Select(i => series.Curve.Survival[i]).ToArray(), MarkerShape.VerticalBar, CensorTickSize, color);
        }
    }

    private static void AddExpected(Plot plot, ExpectedSeries expected, Color color, LinePattern pattern)
    {
        if (expected.Time.Count != expected.Survival.Count)
            throw new ArgumentException($"Expected curve \"{expected.Label}\" needs one survival value per time.", nameof(expected));
        var line = plot.Add.ScatterLine(expected.Time.ToArray(), expected.Survival.ToArray(), color);
        line.LineWidth = 2.5f;
        line.LinePattern = pattern;
        line.LegendText = expected.Label;
    }

    private static void ShowLegend(Plot plot, bool withCensorings)
    {
        if (withCensorings)
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = "Censored", LabelFontName = PlotStyle.FontFamily, LabelFontSize = PlotStyle.TextSize,
                MarkerShape = MarkerShape.VerticalBar, MarkerSize = CensorTickSize + 4, MarkerLineWidth = 2, MarkerColor = Colors.Black, LineWidth = 0,
            });
        }
        // Survival curves start at the top left and fall to the right, so the lower left is where they rarely are.
        plot.ShowLegend(Alignment.LowerLeft);
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.85);
    }
}
