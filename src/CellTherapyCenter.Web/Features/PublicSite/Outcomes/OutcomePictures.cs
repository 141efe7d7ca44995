using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.PublicSite.Outcomes;

public enum ScaleMark
{
    Point,
    Interval,
    Band,
}

/// <summary>One line of a scale picture: a label with its value, and a point, an interval with its estimate, or a band.</summary>
/// <param name="Role">measured, stated or compared: the class that colours the mark.</param>
public sealed record ScaleRow(string Label, ScaleMark Mark, double Value, double From, double To, string ValueText, string Role)
{
    public static ScaleRow Point(string label, double value, string text, string role = "compared") => new(label, ScaleMark.Point, value, value, value, text, role);
    public static ScaleRow Interval(string label, double estimate, double lower, double upper, string text) => new(label, ScaleMark.Interval, estimate, lower, upper, text, "measured");
    public static ScaleRow Band(string label, double from, double to, string text) => new(label, ScaleMark.Band, (from + to) / 2, from, to, text, "stated");

    public string Describe(IStringLocalizer<OutcomeCardText> t) => t["Picture.Row", Label, ValueText];
}

/// <summary>A picture of a card; <see cref="Svg"/> draws it with its title and text alternative.</summary>
public abstract record OutcomePicture(string Title, string Description)
{
    /// <summary>
    /// Width of the drawing in its own units: on a 360 px phone the stylesheet draws it 250 CSS px
    /// wide, so 14 units of text are drawn at 12.5 px there, and never under 12 px down to 240 px.
    /// </summary>
    public const double Width = 280;
    public const double FontSize = 14;

    public abstract IHtmlContent Svg(string id);

    /// <summary>Whole units: half a pixel is invisible, and the page is served to every visitor.</summary>
    protected static string F(double v) => Math.Round(v).ToString(CultureInfo.InvariantCulture);

    protected static string E(string text) => HtmlEncoder.Default.Encode(text);

    protected static StringBuilder Open(string id, double height, string title, string description) => new StringBuilder()
        .Append("<svg class=\"outcome-picture\" role=\"img\" viewBox=\"0 0 ").Append(F(Width)).Append(' ').Append(F(height))
        .Append("\" aria-labelledby=\"").Append(id).Append("-t ").Append(id).Append("-d\"><title id=\"").Append(id).Append("-t\">")
        .Append(E(title)).Append("</title><desc id=\"").Append(id).Append("-d\">").Append(E(description)).Append("</desc>");

    protected static void Text(StringBuilder svg, double x, double y, string text, string anchor = "start", string? cls = null) =>
        svg.Append("<text x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append('"')
            .Append(anchor == "start" ? "" : $" text-anchor=\"{anchor}\"").Append(cls is null ? "" : $" class=\"{cls}\"").Append('>')
            .Append(E(text)).Append("</text>");
}

/// <summary>
/// Figures on one scale, a row each: the measured estimate with its 95% interval, the clinic's
/// stated figure, and the comparison (placebo, natural history). Labels sit above their marks,
/// never over the data.
/// </summary>
public sealed record ScalePicture(string Title, string Description, IReadOnlyList<ScaleRow> Rows, double Min, double Max,
    IReadOnlyList<double> Ticks, Func<double, string> TickText) : OutcomePicture(Title, Description)
{
    // A row is a line of text and its mark right under it, as close as the text allows: the picture stays short on a phone.
    private const double Left = 8, Right = Width - 12, RowHeight = 30;

    public override IHtmlContent Svg(string id)
    {
        var height = Rows.Count * RowHeight + 26;
        var svg = Open(id, height, Title, Description);
        double X(double v) => Left + (Math.Clamp(v, Min, Max) - Min) / (Max - Min) * (Right - Left);
        var guides = new StringBuilder();
        var marks = new StringBuilder();
        var y = 0.0;
        foreach (var row in Rows)
        {
            Text(svg, Left, y + 13, $"{row.Label}: {row.ValueText}");
            var markY = y + 23;
            guides.Append('M').Append(F(Left)).Append(' ').Append(F(markY)).Append('H').Append(F(Right));
            switch (row.Mark)
            {
                case ScaleMark.Interval:
                    marks.Append("<path class=\"interval\" d=\"M").Append(F(X(row.From))).Append(' ').Append(F(markY)).Append('H').Append(F(Math.Max(X(row.To), X(row.From) + 1))).Append("\"/>");
                    marks.Append("<circle class=\"measured\" cx=\"").Append(F(X(row.Value))).Append("\" cy=\"").Append(F(markY)).Append("\" r=\"6\"/>");
                    break;
                case ScaleMark.Band:
                    marks.Append("<rect class=\"stated\" x=\"").Append(F(X(row.From))).Append("\" y=\"").Append(F(markY - 6)).Append("\" width=\"")
                        .Append(F(Math.Max(2, X(row.To) - X(row.From)))).Append("\" height=\"12\"/>");
                    break;
                default:
                    marks.Append("<path class=\"").Append(row.Role).Append("\" d=\"M").Append(F(X(row.Value))).Append(' ').Append(F(markY - 7)).Append("l7 7-7 7-7-7z\"/>");
                    break;
            }
            y += RowHeight;
        }
        var axis = new StringBuilder("M").Append(F(Left)).Append(' ').Append(F(y + 2)).Append('H').Append(F(Right));
        for (var i = 0; i < Ticks.Count; i++)
        {
            axis.Append('M').Append(F(X(Ticks[i]))).Append(' ').Append(F(y - 2)).Append("v8");
            Text(svg, X(Ticks[i]), y + 21, TickText(Ticks[i]), i == 0 ? "start" : i == Ticks.Count - 1 ? "end" : "middle");
        }
        svg.Append("<path class=\"guide\" d=\"").Append(guides).Append("\"/>").Append(marks)
            .Append("<path class=\"axis\" d=\"").Append(axis).Append("\"/>");
        return new HtmlString(svg.Append("</svg>").ToString());
    }
}

/// <summary>
/// Treated patients' Kaplan-Meier curve (free of death, tracheostomy and permanent ventilation)
/// against the curve the ENCALS model expects for the same patients. The legend sits above the plot.
/// </summary>
public sealed record CurvePicture(string Title, string Description, string ObservedLabel, string ExpectedLabel,
    IReadOnlyList<(double Month, double Survival)> Observed, IReadOnlyList<(double Month, double Survival)> Expected,
    double Horizon, Func<double, string> MonthText, Func<double, string> PercentText, string AxisLabel) : OutcomePicture(Title, Description)
{
    private const double Left = 44, Right = Width - 12, Top = 48, Bottom = 136;

    public override IHtmlContent Svg(string id)
    {
        var svg = Open(id, 182, Title, Description);
        double X(double month) => Left + month / Horizon * (Right - Left);
        double Y(double s) => Bottom - s * (Bottom - Top);
        svg.Append("<path class=\"observed\" d=\"M10 12h28\"/>");
        Text(svg, 44, 17, ObservedLabel);
        svg.Append("<path class=\"expected\" d=\"M10 32h28\"/>");
        Text(svg, 44, 37, ExpectedLabel);
        var guides = new StringBuilder();
        foreach (var s in new[] { 0.0, 0.5, 1.0 })
        {
            guides.Append('M').Append(F(Left)).Append(' ').Append(F(Y(s))).Append('H').Append(F(Right));
            Text(svg, Left - 4, Y(s) + 5, PercentText(s), "end");
        }
        svg.Append("<path class=\"guide\" d=\"").Append(guides).Append("\"/>");
        // Whole units: steps closer than a unit merge, so a curve of thousands of patients stays a short path.
        var steps = new StringBuilder("M").Append(F(X(0))).Append(' ').Append(F(Y(1)));
        string lastX = F(X(0)), lastY = F(Y(1));
        foreach (var (month, survival) in Observed.Append((Horizon, Observed.Count == 0 ? 1 : Observed[^1].Survival)))
        {
            var (x, y) = (F(X(month)), F(Y(survival)));
            if (x != lastX) steps.Append('H').Append(x);
            if (y != lastY) steps.Append('V').Append(y);
            (lastX, lastY) = (x, y);
        }
        svg.Append("<path class=\"observed\" d=\"").Append(steps).Append("\"/>");
        var line = new StringBuilder();
        string previous = "";
        foreach (var (month, survival) in Expected)
        {
            var point = F(X(month)) + " " + F(Y(survival));
            if (point == previous) continue;
            line.Append(line.Length == 0 ? 'M' : 'L').Append(point);
            previous = point;
        }
        if (line.Length > 0) svg.Append("<path class=\"expected\" d=\"").Append(line).Append("\"/>");
        svg.Append("<path class=\"axis\" d=\"M").Append(F(Left)).Append(' ').Append(F(Bottom)).Append('H').Append(F(Right)).Append("\"/>");
        foreach (var (month, anchor) in new[] { (0.0, "start"), (Math.Round(Horizon / 2), "middle"), (Math.Floor(Horizon), "end") })
            Text(svg, X(month), Bottom + 20, MonthText(month), anchor);
        Text(svg, (Left + Right) / 2, Bottom + 40, AxisLabel, "middle");
        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
