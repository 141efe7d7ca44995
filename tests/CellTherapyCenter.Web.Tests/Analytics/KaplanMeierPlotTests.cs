using CellTherapyCenter.Statistics.Survival;
using CellTherapyCenter.Web.Features.Analytics.Plots;

namespace CellTherapyCenter.Web.Tests.Analytics;

public sealed class KaplanMeierPlotTests
{
    // Eight patients: events at 1, 2, 3, 8; censored at 2, 5, 8, 12 (months).
    private static readonly KaplanMeierCurve Small = KaplanMeier.Fit(
        [1, 2, 2, 3, 5, 8, 8, 12], [true, false, true, true, false, true, false, false]);

    private static readonly KaplanMeierPlotOptions Options = new("Survival after first course", "first course");

    [Theory]
    // Reference: R 4.2, survival 3.5:
    // t <- c(1,2,2,3,5,8,8,12); e <- c(1,0,1,1,0,1,0,0)
    // summary(survfit(Surv(t, e) ~ 1), times = c(0, 2, 2.5, 8, 12))$n.risk  gives  8 7 5 3 1
    [InlineData(0, 8)]
    [InlineData(2, 7)]    // everyone with time >= 2, the two at 2 included
    [InlineData(2.5, 5)]
    [InlineData(8, 3)]
    [InlineData(12, 1)]
    [InlineData(13, 0)]   // after the last time nobody is at risk
    public void At_risk_counts_subjects_with_time_at_least_t(double time, int expected) =>
        Assert.Equal(expected, KaplanMeierPlot.AtRisk(Small, time));

    [Fact]
    public void The_curve_starts_at_one_steps_down_at_events_and_runs_to_the_last_time()
    {
        var (x, y) = SurvivalSteps.Curve(Small);
        // S = 7/8 after 1, x 6/7 = 0.75 after 2, x 4/5 = 0.6 after 3, x 2/3 = 0.4 after 8; last time 12 (censored).
        Assert.Equal([0, 1, 1, 2, 2, 3, 3, 8, 8, 12], x);
        Assert.Equal([1, 1, 0.875, 0.875, 0.75, 0.75, 0.6, 0.6, 0.4, 0.4], y.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void A_plot_is_a_png_of_the_requested_size()
    {
        var png = KaplanMeierPlot.Render([new("Treated", Small)], Options);
        Assert.Equal((900, 560), PngHeader.Size(png));

        var larger = KaplanMeierPlot.Render([new("Treated", Small)], Options with { Width = 1200, Height = 800 });
        Assert.Equal((1200, 800), PngHeader.Size(larger));
    }

    [Fact]
    public void Groups_and_an_expected_curve_draw_something_other_than_the_no_data_image()
    {
        var noData = KaplanMeierPlot.Render([], Options);
        Assert.Equal((900, 560), PngHeader.Size(noData));

        var other = KaplanMeier.Fit([4, 6, 6, 9, 10], [true, true, false, true, false], ConfidenceType.LogLog);
        var png = KaplanMeierPlot.Render([new("Treated", Small), new("Not treated", other)], Options,
            [new("ENCALS expected", [0, 6, 12], [1, 0.8, 0.6])]);
        // The legend under the plot takes room: the image grows rather than squeeze the data panel.
        var (width, height) = PngHeader.Size(png);
        Assert.Equal(900, width);
        Assert.InRange(height, 560, 700);
        Assert.NotEqual(noData, png);
    }

    [Fact]
    public void A_curve_that_reaches_zero_still_renders()
    {
        // Survival 0 at the end makes the log interval undefined (NaN) there.
        var allDie = KaplanMeier.Fit([1, 2, 3], [true, true, true]);
        Assert.Equal((900, 560), PngHeader.Size(KaplanMeierPlot.Render([new("All events", allDie)], Options)));
    }

    [Fact]
    public void An_expected_curve_needs_a_value_per_time() =>
        Assert.Throws<ArgumentException>(() => KaplanMeierPlot.Render([new("Treated", Small)], Options,
            [new("Broken", [0, 6, 12], [1, 0.8])]));

    [Fact]
    public void On_a_phone_the_plot_is_an_svg_with_text_of_12_px_or_more_and_its_numbers_at_risk()
    {
        var svg = KaplanMeierPlot.Render([new("Treated", Small), new("A group with a long name to wrap", Small)], Options with { Phone = true },
            [new ExpectedSeries("ENCALS expected (8 predictable)", [0, 6, 12], [1, 0.7, 0.5])]);
        var (width, height, smallest, _) = PhoneSvg.Read(svg);
        Assert.Equal(PlotStyle.PhoneWidth, width);
        Assert.True(height > PlotStyle.PhonePlotHeight, "The table and legend go under the plot.");
        Assert.True(smallest >= 12, $"Text at {smallest:0.0} px on a phone.");
        var text = System.Text.Encoding.UTF8.GetString(svg);
        Assert.Contains("Number at risk", text);
        Assert.Contains("Censored", text);
    }
}
