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
    public void The_survival_claims_name_the_events_they_count_death_tracheostomy_or_permanent_ventilation()
    {
        // Twelve stage 4A patients: three die, two get a tracheostomy and one permanent ventilation, all alive at the end.
        var patients = Enumerable.Range(0, 12).Select(i => Treated() with
        {
            Assessments = [Score(-1, 30, kings: "4A")],
            Visits = [Visit(-1)],
            LastKnownAliveOn = Start.AddDays(700),
            DateOfDeath = i < 3 ? Start.AddDays(200 + 50 * i) : null,
            TracheostomyDate = i is 3 or 4 ? Start.AddDays(300) : null,
            PermanentVentilationDate = i == 5 ? Start.AddDays(350) : null,
        }).ToList();

        var report = ClaimsAudit.Compute(patients, DataDate);

        const string events = "death, tracheostomy or permanent ventilation";
        foreach (var id in new[] { "C6", "S" })
        {
            var claim = report.Claim(id);
            Assert.Contains(events + ", whichever comes first", claim.Stated.Definition);
            Assert.DoesNotContain("deaths", claim.Stated.Definition);
            var ratio = Assert.Single(claim.Measures, m => m.Kind == MeasureKind.Ratio);
            Assert.Contains(events, ratio.Name);
            Assert.Contains(events, ratio.Method);
            // The ratio counts the six events; the median survival only the three deaths.
            Assert.Equal(6, ratio.Numerator);
            Assert.Equal(3, claim.Measures.First(m => m.Kind == MeasureKind.MedianMonths).Numerator);
            Assert.Contains(claim.Notes, n => n.StartsWith("Observed 6 events against"));
            Assert.Contains(claim.Notes, n => n.StartsWith("An event is what the ENCALS model predicts: " + events));
        }
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

    [Fact]
    public void Expected_curve_is_the_mean_of_each_patients_own_ENCALS_survival_from_entry()
    {
        // Three onsets (so three entry times, two patients sharing one) and different ΔFRS and FVC.
        var patients = new[]
        {
            Treated() with { Assessments = [Score(-150, 40)], Visits = [Visit(-150, fvc: 95)] },
            Treated() with { Assessments = [Score(-150, 30)], Visits = [Visit(-150, fvc: 70)] },
            Treated() with { OnsetDate = Start.AddMonths(-40), Assessments = [Score(-150, 36)], Visits = [Visit(-150, fvc: 85)] },
            Treated() with { OnsetDate = Start.AddDays(-200), Assessments = [Score(-150, 44)], Visits = [Visit(-150, fvc: 100)], DateOfDeath = Start.AddDays(400) },
        };

        var expected = ClaimsAudit.Compute(patients, DataDate).Curves.FromFirstCourse.Expected!;

        var own = patients.Select(p =>
        {
            var onset = p.OnsetDate!.Value;
            var first = p.Assessments[0];
            var predictors = new Statistics.Prediction.EncalsPredictors(
                Timeline.Days(p.DateOfBirth!.Value, onset) / 365.25, Timeline.Months(onset, p.DiagnosisDate!.Value),
                Statistics.Prediction.EncalsPredictors.DeltaFrsAtDiagnosis(first.Total, Timeline.Months(onset, first.Date)),
                p.Visits[0].FvcPercentPredicted, false, false, false, false);
            return (Entry: Timeline.Months(onset, Start), Prediction: Statistics.Prediction.EncalsPrediction.For(predictors));
        }).ToList();
        Assert.Equal(4, expected.Patients);
        Assert.True(expected.Months.Count > 50);
        for (var t = 0; t < expected.Months.Count; t++)
        {
            var mean = own.Average(o => o.Prediction.Survival(Math.Max(o.Entry + t, 1e-3)) / o.Prediction.Survival(Math.Max(o.Entry, 1e-3)));
            Assert.Equal(mean, expected.Survival[t], 12);
        }
    }
}
