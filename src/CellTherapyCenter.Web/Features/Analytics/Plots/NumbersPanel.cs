using ScottPlot;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>One row of a table under a plot: its label and the numbers centred at their x positions.</summary>
internal sealed record NumberRow(string Label, IReadOnlyList<(double X, string Text)> Cells);

/// <summary>
/// A table drawn as a plot (numbers at risk, patients per month) to stack under a plot with the same
/// x limits and padding, so each number stands under its x tick. On a phone (<c>labelsAbove</c>) each
/// row's label stands on a line of its own above its numbers, so the labels take none of the width.
/// </summary>
internal static class NumbersPanel
{
    private const float RowHeight = 26;
    private const float HeadingHeight = 34;
    private const float BottomMargin = 12;

    public static float Height(int rows, bool labelsAbove = false) => HeadingHeight + RowHeight * rows * (labelsAbove ? 2 : 1) + BottomMargin;

    /// <param name="left">Pixels left of the data area, as in the plot above.</param>
    /// <param name="right">Pixels right of the data area, as in the plot above.</param>
    public static Plot Create(string heading, IReadOnlyList<NumberRow> rows, double xMin, double xMax, float left, float right, bool labelsAbove = false)
    {
        var plot = new Plot();
        plot.Title(heading);
        plot.HideGrid();
        plot.Axes.Bottom.IsVisible = false;
        plot.Axes.Top.IsVisible = false;
        plot.Axes.Right.IsVisible = false;
        plot.Axes.Left.FrameLineStyle.Width = 0;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;

        // The first row at the top, as it is read; a row's label a line above it when labelsAbove.
        var lines = labelsAbove ? 2 : 1;
        double RowY(int index) => (rows.Count - 1 - index) * lines;
        if (labelsAbove)
        {
            plot.Axes.Left.SetTicks([], []);
            for (var i = 0; i < rows.Count; i++)
            {
                var label = PlotStyle.AddCentredText(plot, rows[i].Label, xMin, RowY(i) + 1);
                label.Alignment = Alignment.MiddleLeft;
            }
        }
        else
        {
            plot.Axes.Left.SetTicks(
                Enumerable.Range(0, rows.Count).Select(i => RowY(i)).ToArray(),
                rows.Select(r => r.Label).ToArray());
        }
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var (x, text) in rows[i].Cells) PlotStyle.AddCentredText(plot, text, x, RowY(i));
        }
        PlotStyle.ApplyFonts(plot);
        plot.Axes.Title.Label.FontSize = PlotStyle.TextSize;
        plot.Axes.SetLimits(xMin, xMax, -0.5, rows.Count * lines - 0.5);
        plot.Layout.Fixed(new PixelPadding(left, right, BottomMargin, HeadingHeight));
        return plot;
    }

    /// <summary>The width the row labels need, so the caller can give both stacked plots that left padding.</summary>
    public static float LabelWidth(IEnumerable<string> labels)
    {
        using var paint = Paint.NewDisposablePaint();
        var style = new LabelStyle { FontName = PlotStyle.FontFamily, FontSize = PlotStyle.TextSize };
        return labels.Select(l => style.Measure(l, paint).Width).DefaultIfEmpty(0).Max();
    }
}
