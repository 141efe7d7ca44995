using ScottPlot;
using SkiaSharp;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>
/// A plot with a table under it in one PNG. The caller gives both the same fixed padding left and
/// right, so their data areas span the same pixels and the table's numbers stand under the x ticks.
/// </summary>
internal static class StackedPng
{
    public static byte[] Render(Plot plot, Plot table, float tableHeight, int width, int height)
    {
        var split = height - tableHeight;
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.White);
        RenderInto(surface.Canvas, plot, new PixelRect(0, width, split, 0));
        RenderInto(surface.Canvas, table, new PixelRect(0, width, height, split));
        using var image = new Image(surface);
        return image.GetImageBytes(ImageFormat.Png);
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
