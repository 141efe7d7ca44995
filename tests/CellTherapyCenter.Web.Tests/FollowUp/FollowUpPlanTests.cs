using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Web.Features.FollowUp;

namespace CellTherapyCenter.Web.Tests.FollowUp;

/// <summary>The schedule rule alone: no database, no clock.</summary>
public sealed class FollowUpPlanTests
{
    [Fact]
    public void A_course_plans_baseline_2_3_6_12_months_then_yearly_visits_and_monthly_self_reports()
    {
        var plan = FollowUpPlan.For(new DateOnly(2025, 1, 31), new FollowUpOptions());

        var visits = plan.Where(i => i.Kind == FollowUpKind.Visit).ToList();
        Assert.Equal(["Baseline", "2 months", "3 months", "6 months", "12 months", "Year 2", "Year 3", "Year 4", "Year 5"], visits.Select(v => v.Label));
        Assert.Equal([0, 2, 3, 6, 12, 24, 36, 48, 60], visits.Select(v => v.Slot));
        // Calendar months: 31 January + 1 month is the last day of February.
        Assert.Equal(new DateOnly(2025, 3, 31), visits[1].Target);
        Assert.Equal(new DateOnly(2026, 1, 31), visits[4].Target);
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 3)), (visits[0].WindowStart, visits[0].WindowEnd));
        Assert.Equal((new DateOnly(2025, 3, 17), new DateOnly(2025, 4, 14)), (visits[1].WindowStart, visits[1].WindowEnd));
        Assert.Equal((new DateOnly(2025, 7, 1), new DateOnly(2025, 8, 30)), (visits[3].WindowStart, visits[3].WindowEnd));

        var reports = plan.Where(i => i.Kind == FollowUpKind.SelfReport).ToList();
        Assert.Equal(24, reports.Count);
        Assert.Equal(Enumerable.Range(1, 24), reports.Select(r => r.Slot));
        Assert.Equal(new DateOnly(2025, 2, 28), reports[0].Target);
        Assert.Equal((new DateOnly(2025, 2, 25), new DateOnly(2025, 3, 10)), (reports[0].WindowStart, reports[0].WindowEnd));
    }

    [Fact]
    public void Windows_and_horizons_follow_the_options()
    {
        var o = new FollowUpOptions { YearlyVisitsThroughYear = 2, SelfReportMonths = 3, SelfReportDaysBefore = 0, SelfReportDaysAfter = 5, BaselineDaysBefore = 7, BaselineDaysAfter = 0 };
        var plan = FollowUpPlan.For(new DateOnly(2025, 5, 1), o);
        Assert.Equal(6 + 3, plan.Count);
        Assert.Equal((new DateOnly(2025, 4, 24), new DateOnly(2025, 5, 1)), (plan[0].WindowStart, plan[0].WindowEnd));
        var first = plan.First(i => i.Kind == FollowUpKind.SelfReport);
        Assert.Equal((new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 6)), (first.WindowStart, first.WindowEnd));
    }

    [Fact]
    public void Options_whose_windows_overlap_are_refused_at_start()
    {
        var validator = new FollowUpOptionsValidator();
        Assert.True(validator.Validate(null, new FollowUpOptions()).Succeeded);
        var overlapping = validator.Validate(null, new FollowUpOptions { EarlyVisitDaysAfter = 20, EarlyVisitDaysBefore = 20 });
        Assert.True(overlapping.Failed);
        Assert.Contains("2 months and 3 months", overlapping.FailureMessage);
        Assert.True(validator.Validate(null, new FollowUpOptions { TimeZone = "Mars/Olympus" }).Failed);
    }

    [Theory]
    [InlineData(20, 59, false)]
    [InlineData(21, 0, true)]
    [InlineData(23, 59, true)]
    [InlineData(0, 0, true)]
    [InlineData(7, 59, true)]
    [InlineData(8, 0, false)]
    public void Quiet_hours_wrap_midnight(int hour, int minute, bool quiet) =>
        Assert.Equal(quiet, new FollowUpOptions().IsQuiet(new TimeOnly(hour, minute)));
}

/// <summary>The decline rule alone: the threshold is inclusive, respiratory items have none.</summary>
public sealed class DeclineAlertRuleTests
{
    private static SelfReportScores S(int? total, int? d = 4, int? o = 4, int? r = 4) => new(total, d, o, r);

    [Fact]
    public void A_fall_of_exactly_the_threshold_alerts_and_one_less_does_not()
    {
        Assert.Equal("total fell by 4 (40 → 36)", DeclineAlertRule.Evaluate(S(40), S(36), 4));
        Assert.Null(DeclineAlertRule.Evaluate(S(40), S(37), 4));
        Assert.Null(DeclineAlertRule.Evaluate(S(40), S(44), 4));
    }

    [Fact]
    public void Any_fall_of_a_respiratory_item_alerts_even_with_a_stable_total()
    {
        Assert.Equal("dyspnea fell 4 → 3", DeclineAlertRule.Evaluate(S(40, d: 4), S(40, d: 3), 4));
        Assert.Equal("orthopnea fell 3 → 2", DeclineAlertRule.Evaluate(S(40, o: 3), S(40, o: 2), 4));
        Assert.Equal("total fell by 5 (40 → 35); respiratory insufficiency fell 4 → 2", DeclineAlertRule.Evaluate(S(40), S(35, r: 2), 4));
    }

    [Fact]
    public void Missing_answers_are_not_a_fall()
    {
        Assert.Null(DeclineAlertRule.Evaluate(S(40), S(null, d: null), 4));
        Assert.Null(DeclineAlertRule.Evaluate(S(null, d: null), S(30, d: 1), 4));
    }
}
