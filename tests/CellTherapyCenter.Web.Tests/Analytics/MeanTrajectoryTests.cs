using CellTherapyCenter.Web.Features.Analytics.Plots;

namespace CellTherapyCenter.Web.Tests.Analytics;

public sealed class MeanTrajectoryTests
{
    // With 1-month bins centred on whole months, bin k holds [k - 0.5, k + 0.5).
    private static readonly PatientTrajectory A = new([-1, 0.2, 1.1, 2.9], [40, 39, 37, 35]);
    private static readonly PatientTrajectory B = new([0, 0.4, 1.0, 3.2], [44, 42, 41, 38]); // two values in bin 0: mean 43
    private static readonly PatientTrajectory C = new([0.1, 2.2], [30, 28]);

    [Fact]
    public void Each_patient_counts_once_per_bin_and_small_bins_are_dropped()
    {
        var points = MeanTrajectory.ByMonth([A, B, C], 1, minimumN: 2);

        // Bin -1 (A only) and bin 2 (C only) have one patient each and are left out.
        Assert.Equal([0.0, 1.0, 3.0], points.Select(p => p.Month));
        Assert.Equal([3, 2, 2], points.Select(p => p.N));
        // Bin 0: A 39, B (44 + 42) / 2 = 43, C 30; bin 1: A 37, B 41; bin 3: A 35, B 38.
        Assert.Equal([112.0 / 3, 39, 36.5], points.Select(p => p.Mean), new RoundedTo(12));
    }

    [Fact]
    public void The_interval_is_the_t_interval_of_the_patient_means()
    {
        var points = MeanTrajectory.ByMonth([A, B, C], 1, minimumN: 2);

        // Reference: R 4.2, t.test(c(39, 43, 30))$conf.int  gives  20.7931293570111 53.8735373096556
        Assert.Equal(20.7931293570111, points[0].Lower, 1e-10);
        Assert.Equal(53.8735373096556, points[0].Upper, 1e-10);
        // Reference: R 4.2, t.test(c(37, 41))$conf.int  gives  13.5875905276506 64.4124094723494
        Assert.Equal(13.5875905276506, points[1].Lower, 1e-10);
        Assert.Equal(64.4124094723494, points[1].Upper, 1e-10);
    }

    [Fact]
    public void Wider_bins_are_centred_on_multiples_of_the_width()
    {
        // 3-month bins: [-1.5, 1.5) is bin 0, [1.5, 4.5) bin 3. A's -1 and B's 1.0 now join bin 0.
        var points = MeanTrajectory.ByMonth([A, B, C], 3, minimumN: 3);

        Assert.Equal([0.0, 3.0], points.Select(p => p.Month));
        // Bin 0: A (40 + 39 + 37) / 3, B (44 + 42 + 41) / 3, C 30.  Bin 3: A 35, B 38, C 28.
        Assert.Equal([(116.0 / 3 + 127.0 / 3 + 30) / 3, (35 + 38 + 28) / 3.0], points.Select(p => p.Mean), new RoundedTo(12));
    }

    [Fact]
    public void A_month_half_way_belongs_to_the_later_bin()
    {
        var points = MeanTrajectory.ByMonth([new([0.5], [40]), new([1.4], [30])], 1, minimumN: 2);
        Assert.Equal(1.0, Assert.Single(points).Month);
    }

    [Fact]
    public void One_patient_cannot_make_an_interval() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanTrajectory.ByMonth([A], 1, minimumN: 1));

    [Fact]
    public void Months_and_totals_must_pair_up() =>
        Assert.Throws<ArgumentException>(() => MeanTrajectory.ByMonth([new([0, 1], [40])], 1, minimumN: 2));

    private sealed class RoundedTo(int digits) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Round(x, digits) == Math.Round(y, digits);
        public int GetHashCode(double value) => Math.Round(value, digits).GetHashCode();
    }
}
