using ScottPlot;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>What a legend line shows beside its words: a line (with its pattern), a shaded band, or a marker.</summary>
internal sealed record LegendEntry(string Label, Color Color, LinePattern Pattern, float LineWidth = 2.5f,
    MarkerShape Marker = MarkerShape.None, bool Band = false);

/// <summary>
/// The legend as a panel of its own under the plot, never over the data: one entry a line, long
/// labels wrapped to the width, each with the line, band or marker it names.
/// </summary>
internal static class LegendPanel
{
    private const float LineHeight = PlotStyle.TextSize + 6;
    private const float SymbolWidth = 34;
    private const float Gap = 8;
    private const float Margin = 8;

    /// <summary>The lines each entry takes at this width.</summary>
    private static List<List<string>> Lines(IReadOnlyList<LegendEntry> entries, float width, float left) =>
        entries.Select(e => Wrap(e.Label, width - left - SymbolWidth - Gap - Margin)).ToList();

    public static float Height(IReadOnlyList<LegendEntry> entries, float width, float left) =>
        entries.Count == 0 ? 0 : Margin * 2 + LineHeight * Lines(entries, width, left).Sum(l => l.Count);

    /// <param name="left">Where the symbols start, in pixels from the left: the data area's left edge above.</param>
    public static Plot Create(IReadOnlyList<LegendEntry> entries, float width, float left)
    {
        var plot = new Plot();
        plot.Axes.Frameless();
        plot.HideGrid();
        var height = Height(entries, width, left);
        // Data units are pixels from the top left, so text and symbols are placed as on a page.
        plot.Axes.SetLimits(0, width, height, 0);
        var lines = Lines(entries, width, left);
        var y = Margin + LineHeight / 2;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            double x0 = left, x1 = left + SymbolWidth;
            if (e.Band)
            {
                var band = plot.Add.Rectangle(x0, x1, y - 6, y + 6);
                band.FillColor = e.Color;
                band.LineWidth = 0;
            }
            else if (e.LineWidth > 0)
            {
                var line = plot.Add.ScatterLine(new[] { x0, x1 }, new[] { y, y }, e.Color);
                line.LineWidth = e.LineWidth;
                line.LinePattern = e.Pattern;
            }
            if (e.Marker != MarkerShape.None)
                plot.Add.Marker((x0 + x1) / 2, y, e.Marker, PlotStyle.TextSize, e.Color);
            foreach (var text in lines[i])
            {
                var label = PlotStyle.AddCentredText(plot, text, x1 + Gap, y);
                label.Alignment = Alignment.MiddleLeft;
                y += LineHeight;
            }
        }
        plot.Layout.Fixed(new PixelPadding(0, 0, 0, 0));
        return plot;
    }

    /// <summary>Words to lines no wider than <paramref name="width"/> pixels at the legend's size (a word longer than that keeps a line of its own).</summary>
    internal static List<string> Wrap(string text, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && NumbersPanel.LabelWidth([candidate]) > width)
            {
                lines.Add(line);
                line = word;
            }
            else line = candidate;
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line);
        return lines;
    }
}
