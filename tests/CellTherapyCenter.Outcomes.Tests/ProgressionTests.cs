using static CellTherapyCenter.Outcomes.Tests.Cohort;

namespace CellTherapyCenter.Outcomes.Tests;

public class ProgressionTests
{
    private const double DaysPerMonth = 30.4375;

    private static ClaimMeasure Named(ClaimResult progression, string start) => progression.Measures.Single(m => m.Name.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void Slopes_before_and_after_the_first_course_pair_per_patient()
    {
        // Twelve patients, 34 points 120 days before the course and 30 on its day (18 months after
        // onset), then two scores 90 days apart inside the same 120 days after it: +1, 0 or -4 points.
        int[] change = [1, 1, 1, 1, 0, 0, 0, 0, -4, -4, -4, -4];
        var patients = change.Select((d, i) => Treated() with
        {
            Assessments = [Score(-120, 34), Score(0, 30), Score(30, 28 + i % 3), Score(120, 28 + i % 3 + d)],
        }).ToList();
        var onsetMonths = (Start.DayNumber - Start.AddMonths(-18).DayNumber) / DaysPerMonth;
        var fromOnset = -18 / onsetMonths;
        var before = -4 / (120 / DaysPerMonth);
        var after = change.Select(d => d / (90 / DaysPerMonth)).ToArray();

        var progression = ClaimsAudit.Compute(patients, DataDate).Claim("P");

        Assert.Equal(fromOnset, Named(progression, "Slope before the first course, from onset").Estimate!.Value, 12);
        // The change compares the measured slope before the course with the one after it, not with ΔFRS.
        Assert.Equal(after.Average() - before, Named(progression, "Change in slope").Estimate!.Value, 12);
        Assert.Equal(12, Named(progression, "Change in slope").Denominator);
        // +1 point over 90 days is +0.338/month: an improvement of 1.353 >= 1.25. 0 points gives 1.015.
        var responders = Named(progression, "Slope improved");
        Assert.Equal((4, 12), (responders.Numerator!.Value, responders.Denominator));
        // Two scores on each side of the course for each patient: no more observations than random
        // effects, which lmer refuses (ProgressionMixedModelTests has the estimable cases).
        Assert.StartsWith("not estimable: number of observations (=24) <= number of random effects (=24)", Named(progression, "Slope after the first course, mixed model").Shortfall);
        Assert.StartsWith("not estimable: number of observations (=24) <= number of random effects (=24)", Named(progression, "Slope before the first course, mixed model").Shortfall);
    }

    [Fact]
    public void A_steady_decline_through_the_course_is_no_change_whatever_onset_and_the_floor_say()
    {
        // Three points lost every 90 days before and after the course: no change. Onset 18 months
        // before a baseline of 30 gives a flatter ΔFRS (-1.0) than the measured -1.01, and the score
        // stops near the floor a year later; neither may turn into a change in slope.
        var patients = Times(12, () => Treated() with
        {
            Assessments = [Score(-180, 36), Score(-90, 33), Score(0, 30), Score(90, 27), Score(180, 24), Score(400, 22), Score(500, 22)],
        });

        var change = Named(ClaimsAudit.Compute(patients, DataDate).Claim("P"), "Change in slope");

        Assert.Equal(0, change.Estimate!.Value, 12);
        Assert.Equal(0, change.Lower!.Value, 12);
        Assert.Equal(0, change.Upper!.Value, 12);
        Assert.Equal(12, change.Denominator);
    }

    [Fact]
    public void Patients_without_comparable_spans_or_near_the_floor_are_not_compared_and_the_note_says_why()
    {
        PatientFacts With(params AssessmentFact[] scores) => Treated(400) with { Assessments = scores };
        var patients = new List<PatientFacts>
        {
            With(Score(-200, 36), Score(0, 30), Score(60, 29), Score(200, 25)), // compared
            With(Score(-200, 36), Score(0, 30), Score(60, 29), Score(200, 25)), // and another (a difference needs two)
            With(Score(0, 30), Score(60, 29), Score(200, 25)), // one score before: only ΔFRS, which is not compared
            With(Score(-60, 31), Score(0, 30), Score(60, 29), Score(200, 25)), // 60 days before: too short a span
            With(Score(-200, 16), Score(0, 11), Score(60, 9), Score(200, 6)), // baseline 11: near the floor
            With(Score(-200, 36), Score(0, 30), Score(60, 29)), // one score in the 200 days after
            With(Score(-200, 36), Score(0, 30), Score(60, 29), Score(300, 27)), // its second score after the span
            With(Score(-500, 40), Score(0, 30), Score(60, 29), Score(450, 25)), // the earlier score 500 days before: outside the year
        };

        var progression = ClaimsAudit.Compute(patients, DataDate, new ClaimsAuditParameters { MinimumPatients = 1 }).Claim("P");

        var change = Named(progression, "Change in slope");
        Assert.Equal(2, change.Denominator);
        Assert.Equal((25 - 29) / (140 / DaysPerMonth) - (30 - 36) / (200 / DaysPerMonth), change.Estimate!.Value, 12);
        Assert.Contains(progression.Notes, n => n.Contains(
            "2 patients compared; not compared: 1 baseline near the floor; 3 no two measured scores before the course; 2 no two scores in the same span after the course.", StringComparison.Ordinal));
    }
}
