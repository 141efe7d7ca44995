using static CellTherapyCenter.Outcomes.Tests.Cohort;

namespace CellTherapyCenter.Outcomes.Tests;

public class RepeatCoursesTests
{
    [Fact]
    public void C4_cumulative_incidence_matches_R_with_death_competing()
    {
        // Days from the first course; 1 = second course, 2 = death, 0 = censored (last seen alive).
        int[] time = [200, 300, 300, 350, 400, 100, 500, 380, 700, 365, 90, 800];
        int[] cause = [1, 1, 2, 1, 1, 2, 0, 0, 1, 1, 0, 0];
        var patients = time.Select((t, i) => cause[i] switch
        {
            1 => Treated(t) with { LastKnownAliveOn = Start.AddDays(t) },
            2 => Treated() with { DateOfDeath = Start.AddDays(t), LastKnownAliveOn = Start.AddDays(t) },
            _ => Treated() with { LastKnownAliveOn = Start.AddDays(t) },
        }).ToList();

        var c4 = ClaimsAudit.Compute(patients, DataDate).Claim("C4");

        // R 4.2.2, survival 3.4: s <- summary(survfit(Surv(time, factor(cause, 0:2)) ~ 1), times = 365)
        // s$pstate[2] 0.363636363636, s$lower[2] 0.166400773696, s$upper[2] 0.794656190725
        var incidence = c4.Measures[0];
        Assert.Equal(0.363636363636, incidence.Estimate!.Value, 9);
        Assert.Equal(0.166400773696, incidence.Lower!.Value, 9);
        Assert.Equal(0.794656190725, incidence.Upper!.Value, 9);
        Assert.Equal(4, incidence.Numerator);
        Assert.Equal(12, incidence.Denominator);
        // Followed a year: the 4 repeats within 365 days, the repeats at 400 and 700, and those seen alive
        // at 380, 500 and 800. The early deaths (100, 300) and the patient lost at 90 are not.
        var plain = c4.Measures[1];
        Assert.Equal((4, 9), (plain.Numerator!.Value, plain.Denominator));
        Assert.Null(plain.Estimate); // 9 < 10: too few to estimate
    }

    [Fact]
    public void C5_needs_every_interval_in_the_rhythm_among_patients_followed_long_enough()
    {
        var patients = new List<PatientFacts>
        {
            Treated(500, 1100),                                         // 500, 600: on rhythm
            Treated(450, 1180),                                         // 450, 730: on rhythm (bounds included)
            Treated(400, 1000),                                         // 400 is too soon
            Treated(600, 1200, 1500),                                   // the third interval (300) breaks it
            Treated(),                                                  // one course, followed to the data date (> 1460 days)
            Treated() with { LastKnownAliveOn = Start.AddDays(900) },   // one course, followed too briefly: not counted
        };

        var c5 = ClaimsAudit.Compute(patients, DataDate, new ClaimsAuditParameters { MinimumPatients = 1 }).Claim("C5").Primary;

        Assert.Equal((2, 5), (c5.Numerator!.Value, c5.Denominator));
        Assert.Equal(0.4, c5.Estimate!.Value, 12);
    }
}
