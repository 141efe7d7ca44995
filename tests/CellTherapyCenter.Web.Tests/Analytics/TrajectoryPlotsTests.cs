using CellTherapyCenter.Web.Features.Analytics.Plots;

namespace CellTherapyCenter.Web.Tests.Analytics;

public sealed class TrajectoryPlotsTests
{
    private static readonly TrajectoryPlotOptions Options = new("ALSFRS-R after the first course");

    private static readonly PatientTrajectory[] Patients =
    [
        new([-3, 0, 3, 6], [40, 38, 35, 33]),
        new([-1, 0, 2, 7], [36, 36, 33, 29]),
        new([0], [30]),
    ];

    [Fact]
    public void The_spaghetti_plot_is_a_png_other_than_the_no_data_image()
    {
        var noData = TrajectoryPlots.Spaghetti([], Options);
        var png = TrajectoryPlots.Spaghetti(Patients, Options);
        Assert.Equal((900, 560), PngHeader.Size(noData));
        Assert.Equal((900, 560), PngHeader.Size(png));
        Assert.NotEqual(noData, png);
    }

    [Fact]
    public void Patients_without_assessments_give_the_no_data_image() =>
        Assert.Equal(TrajectoryPlots.Spaghetti([], Options), TrajectoryPlots.Spaghetti([new([], [])], Options));

    [Fact]
    public void A_large_cohort_is_sampled_the_same_way_every_time()
    {
        var cohort = Enumerable.Range(0, 700)
            .Select(i => new PatientTrajectory([-1, 0, 6], [40 - i % 7, 38 - i % 11, 30 - i % 13]))
            .ToList();
        var options = Options with { MaxPatients = 50 };
        Assert.Equal(TrajectoryPlots.Spaghetti(cohort, options), TrajectoryPlots.Spaghetti(cohort, options));
    }

    [Fact]
    public void The_mean_plot_is_a_png_other_than_the_no_data_image()
    {
        var noData = TrajectoryPlots.Mean([], Options);
        var points = MeanTrajectory.ByMonth(Patients, 3, minimumN: 2);
        var reference = new NaturalHistoryReference(0, 37, -1.02, "Natural history, -1.02 points/month (PRO-ACT, Atassi 2014)");
        var png = TrajectoryPlots.Mean(points, Options, reference);
        Assert.Equal((900, 560), PngHeader.Size(noData));
        Assert.Equal((900, 560), PngHeader.Size(png));
        Assert.NotEqual(noData, png);
        Assert.NotEqual(TrajectoryPlots.Mean(points, Options), png);
    }

    [Fact]
    public void On_a_phone_both_plots_are_svg_with_text_of_12_px_or_more()
    {
        var phone = Options with { Phone = true };
        var reference = new NaturalHistoryReference(0, 37, -1.02, "Natural history, -1.02 points/month (PRO-ACT, Atassi 2014)");
        foreach (var svg in new[]
        {
            TrajectoryPlots.Spaghetti(Patients, phone), TrajectoryPlots.Mean(MeanTrajectory.ByMonth(Patients, 3, minimumN: 2), phone, reference),
            TrajectoryPlots.Mean([], phone),
        })
        {
            var (width, _, smallest, texts) = PhoneSvg.Read(svg);
            Assert.Equal(PlotStyle.PhoneWidth, width);
            Assert.True(texts > 0);
            Assert.True(smallest >= 12, $"Text at {smallest:0.0} px on a phone.");
        }
    }
}
