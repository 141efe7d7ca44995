using System.Globalization;
using System.Text;
using ScottPlot;
using SkiaSharp;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>
/// Plots stacked from top to bottom in one image (a plot, its legend, its table): a PNG for wider
/// screens and print, or an SVG for a phone, whose text the browser draws at the size it is given.
/// The caller gives the stacked plots the same fixed padding left and right, so their data areas
/// span the same pixels and a table's numbers stand under the x ticks. The first panel takes the
/// height the others leave.
/// </summary>
internal static class PlotImage
{
    private const float MinimumPlotHeight = 380;

    /// <summary>
    /// The plot with its padding fixed, the table (when there is one) under it, and the legend
    /// under both: <paramref name="width"/> by <paramref name="height"/> as a PNG, or for a phone an
    /// SVG <see cref="PlotStyle.PhoneWidth"/> wide and as tall as its parts need.
    /// </summary>
    public static byte[] Compose(Plot plot, PixelPadding padding, IReadOnlyList<LegendEntry> legend, Plot? table, float tableHeight,
        bool phone, int width, int height)
    {
        if (phone) width = PlotStyle.PhoneWidth;
        plot.Layout.Fixed(padding);
        var legendHeight = LegendPanel.Height(legend, width, padding.Left);
        using var legendPanel = LegendPanel.Create(legend, width, padding.Left);
        var panels = new List<(Plot Plot, float Height)> { (plot, 0) };
        if (table is not null) panels.Add((table, tableHeight));
        if (legend.Count > 0) panels.Add((legendPanel, legendHeight));
        // The data panel keeps at least its own height: the image grows when its legend and table need more.
        var below = panels.Skip(1).Sum(p => p.Height);
        height = phone ? (int)Math.Ceiling(PlotStyle.PhonePlotHeight + below) : Math.Max(height, (int)Math.Ceiling(MinimumPlotHeight + below));
        return Render(panels, width, height, phone);
    }

    public static byte[] Render(IReadOnlyList<(Plot Plot, float Height)> panels, int width, int height, bool svg)
    {
        var rects = new List<PixelRect>();
        var top = 0f;
        var first = height - panels.Skip(1).Sum(p => p.Height);
        foreach (var (_, h) in panels)
        {
            var bottom = rects.Count == 0 ? first : top + h;
            rects.Add(new PixelRect(0, width, bottom, top));
            top = bottom;
        }
        return svg ? Svg(panels, rects, width, height) : Png(panels, rects, width, height);
    }

    private static byte[] Png(IReadOnlyList<(Plot Plot, float Height)> panels, List<PixelRect> rects, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.White);
        for (var i = 0; i < panels.Count; i++) RenderInto(surface.Canvas, panels[i].Plot, rects[i]);
        using var image = new Image(surface);
        return image.GetImageBytes(ImageFormat.Png);
    }

    /// <summary>
    /// An SVG with a view box, so that it scales to the width it is shown at (Skia writes only a
    /// width and height); its text stays text, in <see cref="PlotStyle.FontFamily"/>.
    /// </summary>
    private static byte[] Svg(IReadOnlyList<(Plot Plot, float Height)> panels, List<PixelRect> rects, int width, int height)
    {
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            canvas.Clear(SKColors.White);
            for (var i = 0; i < panels.Count; i++) RenderInto(canvas, panels[i].Plot, rects[i]);
        }
        // Each plot clears the canvas first, which Skia writes as an unfilled (so black) rectangle the
        // size of the image; only the clip hides it, and its antialiased edges show as lines: dropped.
        var xml = Encoding.UTF8.GetString(stream.ToArray())
            .Replace(string.Create(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\"/>"), "", StringComparison.Ordinal);
        var root = xml.IndexOf("<svg ", StringComparison.Ordinal);
        if (root < 0) throw new InvalidOperationException("Skia wrote no <svg> element.");
        xml = xml.Insert(root + 5, string.Create(CultureInfo.InvariantCulture, $"viewBox=\"0 0 {width} {height}\" "));
        return Encoding.UTF8.GetBytes(xml);
    }

    // A plot clears the whole canvas before drawing; the clip keeps it to its own rectangle.
    private static void RenderInto(SKCanvas canvas, Plot plot, PixelRect rect)
    {
        canvas.Save();
        canvas.ClipRect(rect.ToSKRect());
        plot.Render(canvas, rect);
        canvas.Restore();
    }
}
