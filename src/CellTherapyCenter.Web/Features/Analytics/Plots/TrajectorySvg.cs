using System.Globalization;
using System.Net;
using System.Text;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>One ALSFRS-R assessment as the plots show it: the total (null when incomplete) and the four domain subscores.</summary>
public sealed record TrajectoryPoint(DateOnly Date, int? Total, int? Bulbar, int? FineMotor, int? GrossMotor, int? Respiratory);

/// <summary>The words on the plots, in the reader's language; <see cref="Course"/> has a {0} for the course number.</summary>
public sealed record TrajectoryWords(
    string Total, string Bulbar, string FineMotor, string GrossMotor, string Respiratory, string Course, string TickFormat);

/// <summary>A panel drawn twice: for a phone (<see cref="Phone"/>) and for a wider screen (<see cref="Wide"/>, null when the phone one serves both).</summary>
public sealed record PlotPanel(string Name, string Description, string Phone, string? Wide);

/// <summary>The ALSFRS-R plots of one patient: the total alone, then the four domains as small multiples.</summary>
public sealed record TrajectoryFigure(PlotPanel Total, IReadOnlyList<PlotPanel> Domains);

/// <summary>
/// Draws the ALSFRS-R trajectory as inline SVG, one y-axis per panel: the total on 0-48 alone and
/// each domain on 0-12 in a small panel of its own (no twin axes, no line hidden under another).
/// Text is drawn at <see cref="FontSize"/> user units in a view box as wide as a 360 px phone's
/// content (320 units), so on that phone it is shown at 13 CSS px; the total has a second, wider
/// drawing for larger screens with the same text size. Course starts are dashed lines labelled
/// inside the plot area, placed so no label leaves it.
/// </summary>
public static class TrajectorySvg
{
    public const double FontSize = 13;
    public const int PhoneWidth = 320;
    public const int WideWidth = 760;

    private const double Left = 34, Right = 10, Top = 26, Bottom = 24;
    private const double CharWidth = FontSize * 0.62;

    public static TrajectoryFigure Render(IReadOnlyList<TrajectoryPoint> points, IReadOnlyList<DateOnly> courseStarts,
        TrajectoryWords words, CultureInfo culture, Func<string, string> totalDescription, Func<string, Func<TrajectoryPoint, int?>, string> domainDescription)
    {
        var ordered = points.OrderBy(p => p.Date).ToList();
        var courses = courseStarts.Order().ToList();
        var (from, to) = Span(ordered, courses);
        var totalTitle = words.Total + " (0–48)";
        var total = new PlotPanel(totalTitle, totalDescription(words.Total),
            Panel(ordered, p => p.Total, 48, 12, totalTitle, courses, from, to, words, culture, PhoneWidth, 230, "total"),
            Panel(ordered, p => p.Total, 48, 12, totalTitle, courses, from, to, words, culture, WideWidth, 300, "total"));
        (string Name, Func<TrajectoryPoint, int?> Value, string Css)[] domains =
        [
            (words.Bulbar, p => p.Bulbar, "bulbar"), (words.FineMotor, p => p.FineMotor, "fine"),
            (words.GrossMotor, p => p.GrossMotor, "gross"), (words.Respiratory, p => p.Respiratory, "resp"),
        ];
        var panels = domains.Select(d =>
        {
            var title = d.Name + " (0–12)";
            return new PlotPanel(title, domainDescription(d.Name, d.Value),
                Panel(ordered, d.Value, 12, 4, title, courses, from, to, words, culture, PhoneWidth, 170, d.Css), null);
        }).ToList();
        return new TrajectoryFigure(total, panels);
    }

    /// <summary>The dates the x axis spans: every assessment and course start, with a little room either side.</summary>
    internal static (DateOnly From, DateOnly To) Span(IReadOnlyList<TrajectoryPoint> points, IReadOnlyList<DateOnly> courses)
    {
        var dates = points.Select(p => p.Date).Concat(courses).ToList();
        // Nothing recorded: pages show no figure then, but an empty frame must still be drawable.
        if (dates.Count == 0) return (new DateOnly(2000, 1, 1), new DateOnly(2000, 12, 31));
        DateOnly min = dates.Min(), max = dates.Max();
        var pad = Math.Max(10, (max.DayNumber - min.DayNumber) / 25);
        return (min.AddDays(-pad), max.AddDays(pad));
    }

    private static string Panel(List<TrajectoryPoint> points, Func<TrajectoryPoint, int?> value, int yMax, int yStep, string title,
        List<DateOnly> courses, DateOnly from, DateOnly to, TrajectoryWords words, CultureInfo culture, int width, int height, string css)
    {
        double plotLeft = Left, plotRight = width - Right, plotTop = Top, plotBottom = height - Bottom;
        double X(DateOnly d) => plotLeft + (d.DayNumber - from.DayNumber) * (plotRight - plotLeft) / Math.Max(1, to.DayNumber - from.DayNumber);
        double Y(double v) => plotBottom - v * (plotBottom - plotTop) / yMax;
        static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="tp-svg tp-{css}" viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-size="{N(FontSize)}" aria-hidden="true" focusable="false">""");
        // The panel's name above the area: each panel has one series, so its title is its legend.
        svg.Append(CultureInfo.InvariantCulture, $"""<text class="tp-title" x="{N(plotLeft)}" y="{N(FontSize + 3)}" font-weight="600" fill="#1b1b1b">{Escape(title)}</text>""");

        for (var v = 0; v <= yMax; v += yStep)
        {
            var y = Y(v);
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="tp-grid" x1="{N(plotLeft)}" x2="{N(plotRight)}" y1="{N(y)}" y2="{N(y)}" stroke="#d9d9d9" stroke-width="1"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="tp-tick" x="{N(plotLeft - 5)}" y="{N(y + FontSize * 0.35)}" text-anchor="end" fill="#4a4a4a">{v.ToString(culture)}</text>""");
        }
        foreach (var tick in MonthTicksBetween(from, to, (int)((plotRight - plotLeft) / (words.TickFormat.Length * CharWidth + 14))))
        {
            var x = X(tick);
            var label = tick.ToString(words.TickFormat, culture);
            var half = label.Length * CharWidth / 2;
            var anchor = x - half < 2 ? "start" : x + half > width - 2 ? "end" : "middle";
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="tp-axis" x1="{N(x)}" x2="{N(x)}" y1="{N(plotBottom)}" y2="{N(plotBottom + 4)}" stroke="#4a4a4a"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="tp-tick" x="{N(x)}" y="{N(plotBottom + FontSize + 5)}" text-anchor="{anchor}" fill="#4a4a4a">{Escape(label)}</text>""");
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<line class="tp-axis" x1="{N(plotLeft)}" x2="{N(plotRight)}" y1="{N(plotBottom)}" y2="{N(plotBottom)}" stroke="#4a4a4a"/>""");

        // Course starts: a dashed line each, labelled near the foot of the area (ALSFRS-R values sit
        // high early on) on the side with room, a row up when it would touch the previous label.
        var labels = courses.Select((c, i) => string.Format(culture, words.Course, i + 1)).ToList();
        var places = CourseLabels(courses.Select(X).ToList(), labels.Select(l => l.Length * CharWidth).ToList(), plotRight);
        for (var i = 0; i < courses.Count; i++)
        {
            var x = X(courses[i]);
            var (start, row) = places[i];
            var textWidth = labels[i].Length * CharWidth;
            var y = plotBottom - 6 - row * (FontSize + 4);
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="tp-course" x1="{N(x)}" x2="{N(x)}" y1="{N(plotTop)}" y2="{N(plotBottom)}" stroke="#6b6b6b" stroke-width="1.5" stroke-dasharray="5 4"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{N(start - 2)}" y="{N(y - FontSize)}" width="{N(textWidth + 4)}" height="{N(FontSize + 4)}" fill="#fff" fill-opacity="0.85"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="tp-course-label" x="{N(start)}" y="{N(y)}" fill="#1b1b1b">{Escape(labels[i])}</text>""");
        }

        var series = points.Where(p => value(p) is not null).Select(p => (X: X(p.Date), Y: Y(value(p)!.Value))).ToList();
        if (series.Count > 1)
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline class="tp-line" points="{string.Join(' ', series.Select(s => N(s.X) + "," + N(s.Y)))}" fill="none" stroke="#0b5cad" stroke-width="2.5" stroke-linejoin="round"/>""");
        foreach (var (x, y) in series)
            svg.Append(CultureInfo.InvariantCulture, $"""<circle class="tp-point" cx="{N(x)}" cy="{N(y)}" r="3.5" fill="#0b5cad"/>""");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// Where each course label goes (pixels): beside its line on the side with room before
    /// <paramref name="right"/>, and a row up (row 1) when it would touch the previous label in row 0.
    /// </summary>
    /// <param name="xs">The course lines' positions, in order.</param>
    /// <param name="widths">Each label's width.</param>
    internal static List<(double Start, int Row)> CourseLabels(IReadOnlyList<double> xs, IReadOnlyList<double> widths, double right)
    {
        var lastLabelEnd = new double[] { double.NegativeInfinity, double.NegativeInfinity };
        var places = new List<(double Start, int Row)>();
        for (var i = 0; i < xs.Count; i++)
        {
            var rightward = xs[i] + 4 + widths[i] <= right;
            var start = rightward ? xs[i] + 4 : xs[i] - 4 - widths[i];
            var row = start > lastLabelEnd[0] + 4 ? 0 : 1;
            lastLabelEnd[row] = start + widths[i];
            places.Add((start, row));
        }
        return places;
    }

    /// <summary>First days of months between the two dates, every 1, 2, 3, 6, 12 or 24 months so at most <paramref name="most"/> fit.</summary>
    internal static List<DateOnly> MonthTicksBetween(DateOnly from, DateOnly to, int most)
    {
        most = Math.Max(2, most);
        var first = new DateOnly(from.Year, from.Month, 1);
        if (first < from) first = first.AddMonths(1);
        var months = (to.Year - first.Year) * 12 + to.Month - first.Month + 1;
        var step = new[] { 1, 2, 3, 6, 12, 24, 48 }.FirstOrDefault(s => (months + s - 1) / s <= most, 48);
        // Align to the step (January and July for 6, January for 12) so ticks fall on round months.
        while ((first.Month - 1) % Math.Min(step, 12) != 0) first = first.AddMonths(1);
        var ticks = new List<DateOnly>();
        for (var d = first; d <= to; d = d.AddMonths(step)) ticks.Add(d);
        return ticks;
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>What the figure partial shows: the panels, and whether to explain the course markers.</summary>
public sealed record TrajectoryFigureView(TrajectoryFigure Figure, bool HasCourses);
