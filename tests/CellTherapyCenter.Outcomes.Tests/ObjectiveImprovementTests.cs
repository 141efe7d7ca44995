using static CellTherapyCenter.Outcomes.Tests.Cohort;

namespace CellTherapyCenter.Outcomes.Tests;

public class ObjectiveImprovementTests
{
    private static readonly ClaimsAuditParameters AnyN = new() { MinimumPatients = 1 };

    [Fact]
    public void C2_judges_each_part_in_its_window_and_C3_follows_the_responders()
    {
        var patients = new List<PatientFacts>
        {
            // Score responder (40 -> 42 on day 30), back to baseline on day 210.
            Treated() with { Assessments = [Score(-1, 40), Score(30, 42), Score(120, 41), Score(210, 40)] },
            // One point is not enough.
            Treated() with { Assessments = [Score(-1, 40), Score(30, 41)] },
            // Day 80 is outside days 14-75, and nothing else is in the window: not judged.
            Treated() with { Assessments = [Score(-1, 40), Score(80, 45)] },
            // Examination responder without a baseline score: counts for C2, cannot be followed for C3.
            Treated() with { Visits = [Examined(60, findings: 3, improved: 1)] },
            // Baseline 100 days before the course is outside the 90-day window: no score judgement, nothing else.
            Treated() with { Assessments = [Score(-100, 38), Score(30, 45)] },
            // The window has not closed yet at the data date.
            Treated() with { CourseStarts = [DataDate.AddDays(-30)] },
            // A self-report in the window is not a visit; the examination judges, without improvement.
            Treated() with { Assessments = [Score(0, 30), Score(20, 33, atVisit: false)], Visits = [Examined(40, findings: 2, improved: 0)] },
            // Responder with no later visit: censored at the response.
            Treated() with { Assessments = [Score(-1, 40), Score(30, 43)] },
        };

        var report = ClaimsAudit.Compute(patients, DataDate, AnyN);
        var c2 = report.Claim("C2");

        Assert.Equal((3, 5), Counts(c2.Measures[0]));
        Assert.Equal((2, 3), Counts(c2.Measures[1]));
        Assert.Equal((1, 2), Counts(c2.Measures[2]));
        Assert.Contains("1 treated patients are still inside the window", c2.Notes[1]);
        Assert.Contains("2 have neither", c2.Notes[1]);

        var c3 = report.Claim("C3").Primary;
        Assert.Equal(2, c3.Denominator);
        Assert.Equal(1, c3.Numerator);
        // The only event: day 30 to day 210; the other responder is censored at time 0, so S drops to 0 there.
        Assert.Equal(180 / 30.4375, c3.Estimate!.Value, 12);
        Assert.Equal(2, report.Curves.Durability!.N);
    }

    private static (int, int) Counts(ClaimMeasure m) => (m.Numerator!.Value, m.Denominator);
}
