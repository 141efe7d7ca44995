using ScottPlot;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>
/// The image a plot returns when it has nothing to draw: the plot's title and a sentence saying
/// why, so a page shows an explanation where a reader expects the plot, never an error.
/// </summary>
internal static class NoDataImage
{
    public static byte[] Render(string title, string message, int width, int height)
    {
        using var plot = new Plot();
        plot.Title(title);
        plot.Axes.Frameless();
        plot.Axes.Title.IsVisible = true; // Frameless hides it with the axes
        plot.HideGrid();
        PlotStyle.AddCentredText(plot, message, 0, 0, PlotStyle.AxisLabelSize + 2);
        plot.Axes.SetLimits(-1, 1, -1, 1);
        PlotStyle.ApplyFonts(plot);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
