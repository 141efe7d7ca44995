using CellTherapyCenter.Data.Assessments;
using ScottPlot;

namespace CellTherapyCenter.Web.Features.Patients;

/// <summary>
/// The ALSFRS-R trajectory as a PNG: total (left axis, 0-48) and the four domain subscores
/// (right axis, 0-12) over time, with each course's start as a vertical line. Voided
/// assessments are left out; an incomplete one gives only the subscores it has.
/// </summary>
/// <summary>The words on the plot, so the portal can draw it in the reader's language.</summary>
public sealed record TrajectoryPlotLabels(
    string Date, string TotalAxis, string DomainAxis, string Total, string Bulbar, string FineMotor, string GrossMotor,
    string Respiratory, string RightAxisSuffix, string Course, string Empty)
{
    public static TrajectoryPlotLabels English { get; } = new("Date of assessment", "ALSFRS-R total (0-48)", "Domain subscore (0-12)",
        "Total", "Bulbar", "Fine motor", "Gross motor", "Respiratory", "(right axis)", "Course {0}", "No ALSFRS-R recorded yet");
}

public static class TrajectoryPlot
{
    public const int Width = 900;
    public const int Height = 500;

    public static byte[] Render(IEnumerable<AlsfrsRAssessment> assessments, IEnumerable<DateOnly> courseStarts, TrajectoryPlotLabels? labels = null)
    {
        var l = labels ?? TrajectoryPlotLabels.English;
        var points = assessments.Where(a => a.VoidedAt == null).OrderBy(a => a.AssessedOn).ToList();
        using var plot = new Plot();
        // Ukrainian labels need Cyrillic glyphs: keep the default sans font when it has them,
        // otherwise let ScottPlot pick one the machine has.
        if (!ReferenceEquals(l, TrajectoryPlotLabels.English) && !HasGlyphs(l)) plot.Font.Automatic();
        plot.Axes.DateTimeTicksBottom();
        plot.XLabel(l.Date);
        plot.YLabel(l.TotalAxis);
        plot.Axes.Right.Label.Text = l.DomainAxis;

        static double X(DateOnly d) => d.ToDateTime(TimeOnly.MinValue).ToOADate();

        var complete = points.Where(a => a.Total is not null).ToList();
        if (complete.Count > 0)
        {
            var total = plot.Add.Scatter(complete.Select(a => X(a.AssessedOn)).ToArray(), complete.Select(a => (double)a.Total!.Value).ToArray());
            total.LegendText = l.Total;
            total.LineWidth = 3;
            total.MarkerSize = 7;
            total.Color = Colors.Black;
        }
        AddDomain(plot, points, a => a.Bulbar, l.Bulbar, l.RightAxisSuffix, Colors.DarkOrange);
        AddDomain(plot, points, a => a.FineMotor, l.FineMotor, l.RightAxisSuffix, Colors.SteelBlue);
        AddDomain(plot, points, a => a.GrossMotor, l.GrossMotor, l.RightAxisSuffix, Colors.ForestGreen);
        AddDomain(plot, points, a => a.Respiratory, l.Respiratory, l.RightAxisSuffix, Colors.Purple);

        var number = 1;
        foreach (var start in courseStarts.Order())
        {
            var line = plot.Add.VerticalLine(X(start), 2, Colors.Gray, LinePattern.Dashed);
            line.LabelText = string.Format(System.Globalization.CultureInfo.CurrentCulture, l.Course, number++);
            line.LabelOppositeAxis = true;
        }

        plot.Axes.Left.Min = 0;
        plot.Axes.Left.Max = 48;
        plot.Axes.Right.Min = 0;
        plot.Axes.Right.Max = 12;
        if (points.Count == 0) plot.Title(l.Empty);
        plot.Axes.SetLimitsY(0, 49, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 12.25, plot.Axes.Right);
        plot.ShowLegend(Alignment.LowerLeft);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static bool HasGlyphs(TrajectoryPlotLabels l)
    {
        var text = string.Concat(l.Date, l.TotalAxis, l.DomainAxis, l.Total, l.Bulbar, l.FineMotor, l.GrossMotor, l.Respiratory, l.Course, l.Empty);
        using var typeface = SkiaSharp.SKTypeface.FromFamilyName(Fonts.Default);
        return typeface.ContainsGlyphs(text);
    }

    private static void AddDomain(Plot plot, List<AlsfrsRAssessment> points, Func<AlsfrsRAssessment, int?> domain, string label, string suffix, Color color)
    {
        var withValue = points.Where(a => domain(a) is not null).ToList();
        if (withValue.Count == 0) return;
        var scatter = plot.Add.Scatter(
            withValue.Select(a => a.AssessedOn.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray(),
            withValue.Select(a => (double)domain(a)!.Value).ToArray());
        scatter.LegendText = label + " " + suffix;
        scatter.Color = color;
        scatter.LineWidth = 1.5f;
        scatter.MarkerSize = 4;
        scatter.Axes.YAxis = plot.Axes.Right;
    }
}
