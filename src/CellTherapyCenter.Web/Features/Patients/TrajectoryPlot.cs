using System.Globalization;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Web.Features.Analytics.Plots;
using ScottPlot;
using SkiaSharp;
using PlotStyle = CellTherapyCenter.Web.Features.Analytics.Plots.PlotStyle;

namespace CellTherapyCenter.Web.Features.Patients;

/// <summary>
/// The ALSFRS-R trajectory as a PNG, for the PDFs (staff summary, portal report), the patient export
/// and the PNG endpoints, drawn like the pages' SVG (<see cref="TrajectorySvg"/>, whose date span,
/// month ticks and course-label places it shares): the total alone on 0-48, then the four domains as
/// small multiples on 0-12, one y-axis each; each panel's title names its one series (no legend over
/// the data); course starts dashed and labelled inside the area; month ticks in the reader's
/// culture. Drawn <see cref="Scale"/> times over, so it stays sharp at A4 width. Voided assessments
/// are left out; an incomplete one gives only the subscores it has.
/// </summary>
public static class TrajectoryPlot
{
    /// <summary>The drawing's size in layout units; the PNG is <see cref="Scale"/> times as many pixels.</summary>
    public const int Width = 820;
    public const int Height = 660;
    public const int Scale = 2;

    private const float TotalHeight = 280;
    private const float Left = 44, Right = 16, Top = 40, Bottom = 34;
    private static readonly Color Line = Color.FromHex("#0b5cad");

    /// <param name="words">The panel names, course label and tick format; the staff's English ones when null.</param>
    /// <param name="culture">Of the dates and numbers; the current culture when null.</param>
    /// <param name="empty">Shown in the total's panel when nothing is recorded.</param>
    public static byte[] Render(IEnumerable<AlsfrsRAssessment> assessments, IEnumerable<DateOnly> courseStarts,
        TrajectoryWords? words = null, CultureInfo? culture = null, string empty = "No ALSFRS-R recorded yet")
    {
        words ??= PlotTextExtensions.StaffWords;
        culture ??= CultureInfo.CurrentCulture;
        var points = assessments.Where(a => a.VoidedAt == null).OrderBy(a => a.AssessedOn)
            .Select(a => new TrajectoryPoint(a.AssessedOn, a.Total, a.Bulbar, a.FineMotor, a.GrossMotor, a.Respiratory)).ToList();
        var courses = courseStarts.Order().ToList();
        var (from, to) = TrajectorySvg.Span(points, courses);
        var font = FontFor(string.Concat(words.Total, words.Bulbar, words.FineMotor, words.GrossMotor, words.Respiratory, words.Course, empty,
            from.ToString(words.TickFormat, culture), to.ToString(words.TickFormat, culture)));

        var half = Width / 2f;
        var domainHeight = (Height - TotalHeight) / 2;
        (string Name, Func<TrajectoryPoint, int?> Value)[] domains =
            [(words.Bulbar, p => p.Bulbar), (words.FineMotor, p => p.FineMotor), (words.GrossMotor, p => p.GrossMotor), (words.Respiratory, p => p.Respiratory)];
        var panels = new List<(Plot Plot, PixelRect Rect)>
        {
            (Panel(points, p => p.Total, 48, 12, words.Total + " (0–48)", courses, from, to, words, culture, font, Width, points.Count == 0 ? empty : null),
                new PixelRect(0, Width, TotalHeight, 0)),
        };
        for (var i = 0; i < domains.Length; i++)
        {
            var (column, row) = (i % 2, i / 2);
            var top = TotalHeight + row * domainHeight;
            panels.Add((Panel(points, domains[i].Value, 12, 4, domains[i].Name + " (0–12)", courses, from, to, words, culture, font, half, null),
                new PixelRect(column * half, (column + 1) * half, top + domainHeight, top)));
        }

        using var surface = SKSurface.Create(new SKImageInfo(Width * Scale, Height * Scale));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(Scale);
        foreach (var (plot, rect) in panels)
        {
            // A plot clears the whole canvas before drawing; the clip keeps it to its own rectangle.
            canvas.Save();
            canvas.ClipRect(rect.ToSKRect());
            plot.Render(canvas, rect);
            canvas.Restore();
            plot.Dispose();
        }
        using var image = new ScottPlot.Image(surface);
        return image.GetImageBytes(ImageFormat.Png);
    }

    private static Plot Panel(List<TrajectoryPoint> points, Func<TrajectoryPoint, int?> value, int yMax, int yStep, string title,
        List<DateOnly> courses, DateOnly from, DateOnly to, TrajectoryWords words, CultureInfo culture, string font, float width, string? message)
    {
        var plot = new Plot();
        try
        {
            Draw(plot, points, value, yMax, yStep, title, courses, from, to, words, culture, font, width, message);
            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }

    private static void Draw(Plot plot, List<TrajectoryPoint> points, Func<TrajectoryPoint, int?> value, int yMax, int yStep, string title,
        List<DateOnly> courses, DateOnly from, DateOnly to, TrajectoryWords words, CultureInfo culture, string font, float width, string? message)
    {
        plot.Title(title);
        plot.Layout.Fixed(new PixelPadding(Left, Right, Bottom, Top));
        var dataWidth = width - Left - Right;
        var days = Math.Max(1, to.DayNumber - from.DayNumber);
        double X(DateOnly d) => d.DayNumber;

        using var paint = Paint.NewDisposablePaint();
        var style = new LabelStyle { FontName = font, FontSize = PlotStyle.TextSize };
        double TextWidth(string text) => style.Measure(text, paint).Width;

        var tickWidth = TextWidth(from.ToString(words.TickFormat, culture)) + 16;
        var ticks = TrajectorySvg.MonthTicksBetween(from, to, (int)(dataWidth / tickWidth));
        plot.Axes.Bottom.SetTicks(ticks.Select(X).ToArray(), ticks.Select(t => t.ToString(words.TickFormat, culture)).ToArray());
        var ys = Enumerable.Range(0, yMax / yStep + 1).Select(k => (double)(k * yStep)).ToArray();
        plot.Axes.Left.SetTicks(ys, ys.Select(v => v.ToString(culture)).ToArray());
        plot.Axes.SetLimits(from.DayNumber, to.DayNumber, 0, yMax * 1.03);

        // Course starts: dashed lines, each labelled near the foot of the area on the side with room
        // (placed by the SVG's rule, in this panel's pixels), a row up when two would touch.
        var labels = courses.Select((c, i) => string.Format(culture, words.Course, i + 1)).ToList();
        double Pixel(DateOnly d) => (d.DayNumber - from.DayNumber) * dataWidth / days;
        var places = TrajectorySvg.CourseLabels(courses.Select(Pixel).ToList(), labels.Select(TextWidth).ToList(), dataWidth);
        for (var i = 0; i < courses.Count; i++)
        {
            plot.Add.VerticalLine(X(courses[i]), 1.5f, Colors.Gray, LinePattern.Dashed);
            var label = PlotStyle.AddCentredText(plot, labels[i], from.DayNumber + places[i].Start * days / dataWidth, 0);
            label.Alignment = Alignment.LowerLeft;
            label.OffsetY = -(4 + places[i].Row * (PlotStyle.TextSize + 6));
            label.LabelStyle.FontName = font;
            label.LabelStyle.BackgroundColor = Colors.White.WithAlpha(0.85);
        }

        var series = points.Where(p => value(p) is not null).ToList();
        if (series.Count > 0)
        {
            var line = plot.Add.Scatter(series.Select(p => X(p.Date)).ToArray(), series.Select(p => (double)value(p)!.Value).ToArray(), Line);
            line.LineWidth = 2.5f;
            line.MarkerSize = 7;
        }
        if (message is not null)
        {
            var text = PlotStyle.AddCentredText(plot, message, (from.DayNumber + to.DayNumber) / 2.0, yMax / 2.0, PlotStyle.AxisLabelSize);
            text.LabelStyle.FontName = font;
        }
        PlotStyle.ApplyFonts(plot);
        plot.Font.Set(font);
        plot.Axes.Title.Label.FontSize = PlotStyle.AxisLabelSize;
    }

    /// <summary>
    /// The plots' sans family when it has every glyph of the words (Cyrillic for Ukrainian), else a
    /// family the machine has that draws the first missing one.
    /// </summary>
    internal static string FontFor(string text)
    {
        if (HasGlyphs(PlotStyle.FontFamily, text)) return PlotStyle.FontFamily;
        var missing = text.EnumerateRunes().FirstOrDefault(r => !HasGlyphs(PlotStyle.FontFamily, r.ToString()));
        using var match = SKFontManager.Default.MatchCharacter(missing.Value);
        return match?.FamilyName ?? PlotStyle.FontFamily;
    }

    private static bool HasGlyphs(string family, string text)
    {
        using var typeface = SKTypeface.FromFamilyName(family);
        return typeface.ContainsGlyphs(text);
    }
}
