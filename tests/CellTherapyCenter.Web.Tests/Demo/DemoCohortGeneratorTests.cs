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
    public void A_treatment_effect_flattens_the_decline_after_courses()
    {
        static double MeanTotal(DemoCohort c) => c.Assessments.Where(a => a.IsComplete).Average(a => a.Total!.Value);
        Assert.True(MeanTotal(Generate(effect: 0.5)) > MeanTotal(Generate(effect: 0)) + 1);
    }
}
