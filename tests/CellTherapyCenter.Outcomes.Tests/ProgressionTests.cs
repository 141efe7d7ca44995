using static CellTherapyCenter.Outcomes.Tests.Cohort;

namespace CellTherapyCenter.Outcomes.Tests;

public class ProgressionTests
{
    [Fact]
    public void Slopes_before_and_after_the_first_course_pair_per_patient()
    {
        // Twelve patients, baseline 30 on the course day (18 points lost since onset), two scores after
        // it 120 days apart: +1, 0 or -4 points. With one pre-course score, "before" is the slope from onset.
        int[] change = [1, 1, 1, 1, 0, 0, 0, 0, -4, -4, -4, -4];
        var patients = change.Select((d, i) => Treated() with
        {
            Assessments = [Score(0, 30), Score(30, 28 + i % 3), Score(150, 28 + i % 3 + d)],
        }).ToList();
        var onsetMonths = (Start.DayNumber - Start.AddMonths(-18).DayNumber) / 30.4375;
        var before = -18 / onsetMonths;
        var after = change.Select(d => d / (120 / 30.4375)).ToArray();

        var progression = ClaimsAudit.Compute(patients, DataDate).Claim("P");
        ClaimMeasure Named(string start) => progression.Measures.Single(m => m.Name.StartsWith(start));

        Assert.Equal(before, Named("Slope before the first course, from onset").Estimate!.Value, 12);
        Assert.Equal(after.Average() - before, Named("Change in slope").Estimate!.Value, 12);
        Assert.Equal(12, Named("Change in slope").Denominator);
        // +1 point over 120 days is +0.2536/month: an improvement of 1.2516 >= 1.25. 0 points gives 0.998.
        var responders = Named("Slope improved");
        Assert.Equal((4, 12), (responders.Numerator!.Value, responders.Denominator));
        // Two scores after the course each: no more observations than random effects, which lmer refuses (ProgressionMixedModelTests).
        Assert.StartsWith("not estimable: number of observations (=24) <= number of random effects (=24)", Named("Slope after the first course, mixed model").Shortfall);
        var preModel = Named("Slope before the first course, mixed model");
        Assert.Null(preModel.Estimate);
        Assert.Equal("n = 0, too few to estimate", preModel.Shortfall);
    }
}
