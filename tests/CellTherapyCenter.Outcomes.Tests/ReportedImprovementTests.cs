using CellTherapyCenter.Clinical.Symptoms;
using static CellTherapyCenter.Outcomes.Tests.Cohort;

namespace CellTherapyCenter.Outcomes.Tests;

public class ReportedImprovementTests
{
    [Fact]
    public void C1_counts_the_first_rated_visit_after_the_first_course_and_only_the_five_aspects()
    {
        var patients = new List<PatientFacts>();
        // 4 improved in weakness or mood at their first rated visit.
        for (var i = 0; i < 4; i++)
            patients.Add(Treated() with { Visits = [Rated(40, i % 2 == 0 ? ChangeAspect.Weakness : ChangeAspect.Mood, ChangeRating.MinimallyImproved)] });
        // Breathing is not one of C1's aspects: rated, but not improved in any of them.
        patients.Add(Treated() with { Visits = [Rated(40, ChangeAspect.Breathing, ChangeRating.MuchImproved), Rated(40, ChangeAspect.Weakness, ChangeRating.NoChange)] });
        // Improvement only at the second rated visit does not count.
        patients.Add(Treated() with { Visits = [Rated(40, ChangeAspect.Appetite, ChangeRating.NoChange), Rated(90, ChangeAspect.Appetite, ChangeRating.MuchImproved)] });
        // A visit before the course, or ratings only after a second course, are not the first course's follow-up.
        patients.Add(Treated(100) with { Visits = [Rated(-1, ChangeAspect.Weakness, ChangeRating.MuchImproved), Rated(120, ChangeAspect.Weakness, ChangeRating.MuchImproved)] });
        for (var i = 0; i < 5; i++)
            patients.Add(Treated() with { Visits = [Rated(30, ChangeAspect.Spasticity, ChangeRating.MinimallyWorse)] });
        patients.Add(Untreated() with { Visits = [Rated(30, ChangeAspect.Weakness, ChangeRating.MuchImproved)] });

        var c1 = ClaimsAudit.Compute(patients, DataDate).Claim("C1");

        var primary = c1.Primary;
        Assert.Equal(4, primary.Numerator);
        Assert.Equal(11, primary.Denominator);
        Assert.Equal(4.0 / 11, primary.Estimate!.Value, 12);
        // R 4.2.2: prop.test(4, 11, correct = FALSE)$conf.int
        Assert.Equal(0.151664710954, primary.Lower!.Value, 9);
        Assert.Equal(0.646198825492, primary.Upper!.Value, 9);
        Assert.Contains(c1.Notes, n => n.StartsWith("1 of 12 treated patients"));
        var weakness = c1.Measures.Single(m => m.Name.StartsWith("Weakness"));
        Assert.Equal((2, 3), (weakness.Numerator!.Value, weakness.Denominator));
    }

    [Fact]
    public void Too_few_patients_give_no_percentage()
    {
        var patients = Times(3, () => Treated() with { Visits = [Rated(40, ChangeAspect.Weakness, ChangeRating.MuchImproved)] });

        var primary = ClaimsAudit.Compute(patients, DataDate).Claim("C1").Primary;

        Assert.Null(primary.Estimate);
        Assert.Equal("n = 3, too few to estimate", primary.Shortfall);
        Assert.Equal(3, primary.Numerator);
    }
}
