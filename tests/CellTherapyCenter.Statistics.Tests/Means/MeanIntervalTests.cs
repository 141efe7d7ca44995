using CellTherapyCenter.Statistics.Means;

namespace CellTherapyCenter.Statistics.Tests.Means;

public sealed class MeanIntervalTests
{
    [Fact]
    public void Matches_R_t_test()
    {
        // R 4.x: t.test(c(1, 2, 3, 4, 10))$conf.int  ->  -0.3899452  8.3899452 (qt(0.975, 4) = 2.776445)
        var interval = MeanInterval.Of([1, 2, 3, 4, 10]);
        Assert.Equal(4, interval.Mean, 12);
        Assert.Equal(-0.3899452, interval.Lower, 6);
        Assert.Equal(8.3899452, interval.Upper, 6);
        Assert.Equal(5, interval.N);
    }

    [Fact]
    public void Level_narrows_or_widens_the_interval()
    {
        // R: t.test(c(1, 2, 3, 4, 10), conf.level = 0.9)$conf.int  ->  0.6292543  7.3707457 (qt(0.95, 4) = 2.131847)
        var interval = MeanInterval.Of([1, 2, 3, 4, 10], level: 0.9);
        Assert.Equal(0.6292543, interval.Lower, 6);
        Assert.Equal(7.3707457, interval.Upper, 6);
    }

    [Fact]
    public void One_value_has_no_interval() => Assert.Throws<ArgumentException>(() => MeanInterval.Of([3.0]));
}
