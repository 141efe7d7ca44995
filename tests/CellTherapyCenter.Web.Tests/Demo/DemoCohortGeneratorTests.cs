using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Progression;
using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Web.Features.Demo;

namespace CellTherapyCenter.Web.Tests.Demo;

/// <summary>The synthetic cohort against natural-history.md; pure, no database.</summary>
public sealed class DemoCohortGeneratorTests
{
    private static readonly DateOnly DataDate = new(2026, 11, 1);
    private static DemoCohort Generate(int seed = 7, int patients = 400, double effect = 0) =>
        new DemoCohortGenerator(new DemoCohortOptions { Seed = seed, Patients = patients, TreatmentEffectPointsPerMonth = effect }, DataDate).Generate();

    private static readonly Lazy<DemoCohort> Cohort = new(() => Generate());

    [Fact]
    public void The_same_seed_gives_the_same_cohort_and_another_seed_another()
    {
        static string Fingerprint(DemoCohort c) => string.Join(";", c.Assessments.Select(a => $"{a.Id}:{a.AssessedOn}:{a.Total}")) + string.Join(";", c.Patients.Select(p => p.Pseudonym));
        Assert.Equal(Fingerprint(Generate(seed: 3, patients: 50)), Fingerprint(Generate(seed: 3, patients: 50)));
        Assert.NotEqual(Fingerprint(Generate(seed: 3, patients: 50)), Fingerprint(Generate(seed: 4, patients: 50)));
    }

    [Fact]
    public void Every_patient_is_marked_synthetic_with_a_unique_pseudonym()
    {
        Assert.All(Cohort.Value.Patients, p => Assert.True(p.IsSynthetic));
        Assert.Equal(Cohort.Value.Patients.Count, Cohort.Value.Patients.Select(p => p.Pseudonym).Distinct().Count());
    }

    [Fact]
    public void The_mean_slope_follows_natural_history()
    {
        // natural-history.md: about -1 point/month on average (PRO-ACT), slope SD 0.57 (DREAM challenge).
        var slopes = Cohort.Value.Assessments.Where(a => a.IsComplete).GroupBy(a => a.PatientId)
            .Select(g => ProgressionRate.LeastSquaresSlope(g.Select(a => (a.AssessedOn, (double)a.Total!.Value))))
            .OfType<double>().ToList();
        Assert.True(slopes.Count > 200);
        Assert.InRange(slopes.Average(), -1.3, -0.6);
    }

    [Fact]
    public void Nothing_is_dated_after_the_data_date()
    {
        var c = Cohort.Value;
        Assert.All(c.Assessments, a => Assert.True(a.AssessedOn <= DataDate));
        Assert.All(c.Visits, v => Assert.True(v.Date <= DataDate));
        Assert.All(c.Courses, x => Assert.True(x.StartDate <= DataDate));
        Assert.All(c.VitalStatuses, v => Assert.True((v.DateOfDeath ?? DataDate) <= DataDate));
    }

    [Fact]
    public void Stored_totals_and_stages_are_the_clinical_library_s()
    {
        Assert.All(Cohort.Value.Assessments, a =>
        {
            Assert.Equal(AlsfrsRScore.Of(a.Responses).Total, a.Total);
            Assert.Equal(Clinical.Staging.KingsStage.Estimate(a.Responses)?.Stage, a.KingsStage);
        });
        // Every King's stage a living patient can have occurs.
        Assert.Equal(["1", "2", "3", "4A", "4B"], Cohort.Value.Assessments.Select(a => a.KingsStage!.Value.Code()).Distinct().Order());
    }

    [Fact]
    public void Item_5b_is_used_only_after_a_gastrostomy()
    {
        var gastrostomy = Cohort.Value.VitalStatuses.ToDictionary(v => v.PatientId, v => v.GastrostomyDate);
        var with5b = Cohort.Value.Assessments.Where(a => a.Responses.CuttingFoodVersion == CuttingFoodVersion.WithGastrostomy5b).ToList();
        Assert.NotEmpty(with5b);
        Assert.All(with5b, a => Assert.True(gastrostomy[a.PatientId] is { } g && g <= a.AssessedOn));
    }

    [Fact]
    public void Without_a_treatment_effect_reported_improvement_looks_like_placebo_not_like_the_clinic_s_67_percent()
    {
        var c = Cohort.Value;
        var reporting = c.ReportedChanges.GroupBy(r => r.PatientId).ToList();
        var improved = reporting.Count(g => g.Any(r => ChangeRatings.ClaimC1Aspects.Contains(r.Aspect) && ChangeRatings.IsImprovement(r.Rating)));
        var share = (double)improved / reporting.Count;
        Assert.InRange(share, 0.15, 0.45);
    }

    [Fact]
    public void Survival_has_a_median_of_two_to_four_years_from_onset()
    {
        var c = Cohort.Value;
        var onset = c.Diagnoses.ToDictionary(d => d.PatientId, d => d.OnsetDate!.Value);
        // Among patients whose onset is 8+ years before the data date, the share dead within 4 years.
        var old = c.VitalStatuses.Where(v => onset[v.PatientId] < DataDate.AddYears(-8)).ToList();
        Assert.True(old.Count > 20);
        var deadWithin4 = old.Count(v => v.DateOfDeath is { } d && d < onset[v.PatientId].AddYears(4));
        Assert.InRange((double)deadWithin4 / old.Count, 0.4, 0.85);
    }

    [Fact]
    public void The_first_course_is_planned_from_the_diagnosis_whenever_the_patient_dies()
    {
        var c = Cohort.Value;
        var diagnosis = c.Diagnoses.ToDictionary(d => d.PatientId, d => d.DiagnosisDate!.Value);
        var death = c.VitalStatuses.ToDictionary(v => v.PatientId, v => v.DateOfDeath);
        var first = c.Courses.Where(x => x.Number == 1).ToDictionary(x => x.PatientId, x => x.StartDate);
        // 1 to 12 months after the diagnosis for everyone treated, however soon after it they die
        // (moving the course earlier for those about to die would shorten survival after it).
        Assert.All(first, f => Assert.InRange(Clinical.ClinicalMonth.Between(diagnosis[f.Key], f.Value), 0.98, 12.02));
        Assert.All(first, f => Assert.True(death[f.Key] is not { } d || d > f.Value));
        // Whoever dies before the planned course is simply not treated; the others not yet treated are recent.
        var untreated = c.Patients.Where(p => !first.ContainsKey(p.Id)).ToList();
        Assert.Contains(untreated, p => death[p.Id] is not null);
        Assert.All(untreated, p => Assert.True((death[p.Id] ?? DataDate) < diagnosis[p.Id].AddMonths(13)));
    }

    [Fact]
    public void Treated_patients_have_scores_measured_before_their_first_course()
    {
        // The score recorded at the diagnosis and the baseline: a measured pre-course slope, not only ΔFRS.
        var c = Cohort.Value;
        var scores = c.Assessments.ToLookup(a => a.PatientId);
        Assert.All(c.Courses.Where(x => x.Number == 1), x => Assert.True(scores[x.PatientId].Count(a => a.AssessedOn <= x.StartDate) >= 2));
    }

    [Fact]
    public void A_treatment_effect_flattens_the_decline_after_courses()
    {
        static double MeanTotal(DemoCohort c) => c.Assessments.Where(a => a.IsComplete).Average(a => a.Total!.Value);
        Assert.True(MeanTotal(Generate(effect: 0.5)) > MeanTotal(Generate(effect: 0)) + 1);
    }
}
