using ScottPlot;
using SkiaSharp;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>What every analytics plot shares: size, font sizes, colours and line patterns.</summary>
internal static class PlotStyle
{
    public const int DefaultWidth = 900;
    public const int DefaultHeight = 560;

    /// <summary>
    /// The phone drawing's width: an SVG this wide shows its <see cref="TextSize"/> text at 13 CSS px
    /// or more in the content column of a 360 px phone (about 328 px), and at 14 px where it has room.
    /// </summary>
    public const int PhoneWidth = 340;

    /// <summary>The phone drawing's data panel; the legend and tables under it add their own height.</summary>
    public const int PhonePlotHeight = 300;

    // Font sizes in pixels; nothing below 14 so that the PNG stays readable at 900 x 560 on a page.
    public const float TextSize = 14;
    public const float AxisLabelSize = 16;
    public const float TitleSize = 18;

    /// <summary>
    /// Okabe and Ito's palette, told apart with the common colour-vision deficiencies; their yellow
    /// is left out because it cannot be seen on white.
    /// </summary>
    public static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"),
    ];

    /// <summary>Observed curves differ by pattern as well as colour, so a grey print or a colour-blind reader can tell them apart.</summary>
    public static readonly LinePattern[] ObservedPatterns =
    [
        LinePattern.Solid, LinePattern.Dotted,
        new([10, 4, 2, 4], 0, "dash-dot"), new([10, 4, 2, 4, 2, 4], 0, "dash-dot-dot"),
    ];

    /// <summary>Expected (reference) curves are always dashed, with longer dashes than any observed pattern.</summary>
    public static readonly LinePattern[] ExpectedPatterns =
    [
        new([14, 7], 0, "long dash"), new([22, 6, 6, 6], 0, "long-short dash"),
    ];

    /// <summary>
    /// A sans-serif family installed on this machine. ScottPlot's default resolves to Skia's default
    /// typeface, a serif face on a plain Debian server, which reads worse at small sizes.
    /// </summary>
    public static readonly string FontFamily = InstalledSans();

    private static string InstalledSans()
    {
        string[] preferred = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Segoe UI"];
        return preferred.FirstOrDefault(f => SKFontManager.Default.MatchFamily(f) is not null) ?? Fonts.Default;
    }

    public static Color ColorAt(int index) => Palette[index % Palette.Length];

    /// <summary>Title, axis labels, tick labels and legend in <see cref="FontFamily"/> at the readable sizes above.</summary>
    public static void ApplyFonts(Plot plot)
    {
        plot.Font.Set(FontFamily);
        plot.Axes.Title.Label.FontSize = TitleSize;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = AxisLabelSize;
            axis.TickLabelStyle.FontSize = TextSize;
        }
        plot.Legend.FontSize = TextSize;
    }

    /// <summary>Text centred at a data position, in <see cref="FontFamily"/> (plottables do not follow the plot's font).</summary>
    public static ScottPlot.Plottables.Text AddCentredText(Plot plot, string text, double x, double y, float size = TextSize)
    {
        var label = plot.Add.Text(text, x, y);
        label.Alignment = Alignment.MiddleCenter;
        label.LabelStyle.FontName = FontFamily;
        label.LabelStyle.FontSize = size;
        return label;
    }
}
