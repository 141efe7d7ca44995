using static CellTherapyCenter.Outcomes.Tests.Cohort;

namespace CellTherapyCenter.Outcomes.Tests;

public class SurvivalClaimsTests
{
    [Fact]
    public void C6_takes_King_stage_4_at_the_first_course_and_counts_ENCALS_exclusions()
    {
        var patients = new List<PatientFacts>();
        for (var i = 0; i < 10; i++)
            patients.Add(Treated() with
            {
                Assessments = [Score(-1, 30, kings: "4A")],
                Visits = [Visit(-1, fvc: 80)],
                DateOfDeath = i < 6 ? Start.AddDays(100 + 60 * i) : null,
            });
        // Stage 3 by score, but a gastrostomy before the course makes it 4A; this one has no FVC.
        patients.Add(Treated() with { Assessments = [Score(-1, 30, kings: "3")], GastrostomyDate = Start.AddDays(-20) });
        // Permanently ventilated before the course: 4B, and outside the ENCALS comparison.
        patients.Add(Treated() with { Assessments = [Score(-1, 30, kings: "3")], Visits = [Visit(-1)], PermanentVentilationDate = Start.AddDays(-5) });
        // Stage 3 without milestones: not advanced.
        patients.AddRange(Times(3, () => Treated() with { Assessments = [Score(-1, 30, kings: "3")], Visits = [Visit(-1)] }));

        var report = ClaimsAudit.Compute(patients, DataDate);
        var c6 = report.Claim("C6");

        Assert.Equal(12, report.Curves.Advanced.Patients);
        Assert.Equal(12, c6.Measures[0].Denominator);
        Assert.Equal(6, c6.Measures[0].Numerator);
        var oe = c6.Measures[1];
        Assert.Equal(10, oe.Denominator);
        Assert.Equal(6, oe.Numerator);
        Assert.Equal(6 / report.Curves.Advanced.ObservedExpected!.Expected, oe.Estimate!.Value, 12);
        Assert.Contains("1 excluded, not predictable: FVC missing.", c6.Notes);
        Assert.Contains(c6.Notes, n => n.StartsWith("1 already had a tracheostomy or permanent ventilation"));
        var expected = report.Curves.Advanced.Expected!;
        Assert.Equal(1, expected.Survival[0], 12);
        Assert.True(expected.Survival.Zip(expected.Survival.Skip(1)).All(p => p.Second <= p.First), "expected survival never rises");
    }

    [Fact]
    public void An_onset_recorded_after_the_first_course_is_excluded_from_the_ENCALS_comparison_not_fatal()
    {
        var patients = Times(12, () => Treated() with { Assessments = [Score(-1, 30)], Visits = [Visit(-1)] }).ToList();
        patients.Add(Treated() with { OnsetDate = Start.AddDays(30), DiagnosisDate = Start.AddDays(60), Assessments = [Score(-1, 30), Score(40, 29)], Visits = [Visit(-1)] }); // predictable, but onset follows the course

        var survival = ClaimsAudit.Compute(patients, DataDate).Claim("S");

        Assert.Equal(12, survival.Primary.Denominator);
        Assert.Contains("1 excluded, onset recorded after the first course (to be corrected in the registry).", survival.Notes);
    }

    [Fact]
    public void Filter_selects_treated_patients_by_onset_site_and_first_course_period()
    {
        var patients = new List<PatientFacts>
        {
            Treated() with { OnsetSite = Clinical.Diagnosis.OnsetSite.Bulbar },
            Treated(),
            Treated() with { CourseStarts = [Start.AddYears(2)] },
            Untreated(),
        };

        ClaimsAuditReport With(ClaimsAuditFilter f) => ClaimsAudit.Compute(patients, DataDate, new ClaimsAuditParameters { Filter = f });

        Assert.Equal(3, With(new()).TreatedPatients);
        Assert.Equal(1, With(new() { OnsetSite = Clinical.Diagnosis.OnsetSite.Bulbar }).TreatedPatients);
        Assert.Equal(2, With(new() { FirstCourseTo = Start.AddYears(1) }).TreatedPatients);
        Assert.Equal(4, With(new()).Patients);
    }
}
