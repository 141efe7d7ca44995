using ScottPlot;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>
/// The image a plot returns when it has nothing to draw: the plot's title and a sentence saying
/// why, so a page shows an explanation where a reader expects the plot, never an error.
/// </summary>
internal static class NoDataImage
{
    /// <param name="phone">An SVG <see cref="PlotStyle.PhoneWidth"/> wide, the message wrapped, the title left to the page.</param>
    public static byte[] Render(string title, string message, int width, int height, bool phone = false)
    {
        using var plot = new Plot();
        if (phone)
        {
            (width, height) = (PlotStyle.PhoneWidth, 160);
            message = string.Join('\n', LegendPanel.Wrap(message, width - 24));
        }
        else plot.Title(title);
        plot.Axes.Frameless();
        plot.Axes.Title.IsVisible = !phone; // Frameless hides it with the axes
        plot.HideGrid();
        PlotStyle.AddCentredText(plot, message, 0, 0, phone ? PlotStyle.TextSize : PlotStyle.AxisLabelSize + 2);
        plot.Axes.SetLimits(-1, 1, -1, 1);
        PlotStyle.ApplyFonts(plot);
        return PlotImage.Render([(plot, height)], width, height, svg: phone);
    }
}
