using CellTherapyCenter.Clinical.Diagnosis;
using static CellTherapyCenter.Outcomes.Tests.Cohort;

namespace CellTherapyCenter.Outcomes.Tests;

public class OutcomeCurvesTests
{
    [Fact]
    public void Survival_is_grouped_by_King_stage_at_the_first_course_in_stage_order()
    {
        var patients = new List<PatientFacts>
        {
            Treated() with { Assessments = [Score(-1, 30, kings: "4A")], DateOfDeath = Start.AddDays(304), LastKnownAliveOn = null },
            Treated() with { Assessments = [Score(-1, 40, kings: "2")] },
            Treated() with { Assessments = [Score(-1, 41, kings: "2")], DateOfDeath = Start.AddDays(609) },
            Treated(), // no baseline score: no stage, in no group
        };

        var curves = OutcomeCurves.SurvivalByKingsStage(patients, new ClaimsAuditParameters());

        Assert.Equal(["King's 2", "King's 4A"], curves.Select(c => c.Label));
        Assert.Equal((2, 1), (curves[0].Curve.N, curves[0].Curve.Events));
        Assert.Equal(304 / 30.4375, curves[1].Curve.Time[0], 12);
    }

    [Fact]
    public void Scores_are_placed_in_months_from_the_first_course()
    {
        var patient = Treated(400) with { OnsetSite = OnsetSite.Bulbar, Assessments = [Score(-61, 40), Score(0, 39), Score(122, 37)] };

        var scores = OutcomeCurves.ScoresAroundFirstCourse([patient, Treated()]).Single();

        Assert.Equal([-61 / 30.4375, 0, 122 / 30.4375], scores.Months);
        Assert.Equal([40.0, 39, 37], scores.Total);
        Assert.Equal("Bulbar", OutcomeCurves.SurvivalByOnsetSite([patient]).Single().Label);
    }
}
