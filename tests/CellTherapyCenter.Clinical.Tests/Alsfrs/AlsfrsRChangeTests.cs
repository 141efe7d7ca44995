using CellTherapyCenter.Clinical.Alsfrs;

namespace CellTherapyCenter.Clinical.Tests.Alsfrs;

public class AlsfrsRChangeTests
{
    private static AlsfrsRScore Score(int bulbar, int fine, int gross, int respiratory) =>
        new(bulbar + fine + gross + respiratory, bulbar, fine, gross, respiratory, []);

    [Fact]
    public void The_total_difference_is_now_minus_then()
    {
        var change = AlsfrsRChange.Between(Score(10, 8, 9, 9), Score(10, 9, 10, 9))!;
        Assert.Equal(36, change.TotalNow);
        Assert.Equal(38, change.TotalThen);
        Assert.Equal(-2, change.Difference);
    }

    [Fact]
    public void Only_the_domains_that_moved_are_listed_in_form_order()
    {
        var change = AlsfrsRChange.Between(Score(10, 8, 11, 12), Score(10, 9, 10, 12))!;
        Assert.Equal(
            [new AlsfrsRDomainChange(AlsfrsRDomain.FineMotor, 8, 9), new AlsfrsRDomainChange(AlsfrsRDomain.GrossMotor, 11, 10)],
            change.ChangedDomains);
        Assert.Equal([-1, 1], change.ChangedDomains.Select(d => d.Difference));
    }

    [Fact]
    public void Domains_can_move_while_the_total_stays()
    {
        var change = AlsfrsRChange.Between(Score(11, 9, 10, 12), Score(12, 8, 10, 12))!;
        Assert.Equal(0, change.Difference);
        Assert.Equal(2, change.ChangedDomains.Count);
    }

    [Fact]
    public void An_assessment_without_a_total_does_not_compare()
    {
        var incomplete = new AlsfrsRScore(null, 10, 9, null, 12, [AlsfrsRItem.Walking]);
        Assert.Null(AlsfrsRChange.Between(incomplete, Score(10, 9, 10, 12)));
        Assert.Null(AlsfrsRChange.Between(Score(10, 9, 10, 12), incomplete));
    }
}
