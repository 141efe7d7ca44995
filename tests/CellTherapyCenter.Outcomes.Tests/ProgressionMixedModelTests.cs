using CellTherapyCenter.Statistics.MixedModels;
using static CellTherapyCenter.Outcomes.Tests.Cohort;

namespace CellTherapyCenter.Outcomes.Tests;

/// <summary>The claims audit's two mixed models (claim P): a model lmer refuses reads "not estimable" with lmer's reason, and a singular fit says so.</summary>
public class ProgressionMixedModelTests
{
    private static ClaimMeasure Named(IReadOnlyList<PatientFacts> patients, string start) =>
        ClaimsAudit.Compute(patients, DataDate).Claim("P").Measures.Single(m => m.Name.StartsWith(start));

    [Fact]
    public void A_diagnosis_visit_and_a_baseline_each_is_not_estimable_before_the_course()
    {
        // The realistic pre-course data: two scores per patient, as many observations as random effects.
        var patients = Enumerable.Range(0, 12).Select(i => Treated() with
        {
            Assessments = [Score(-180, 40 - i % 4), Score(0, 36 - i % 3), Score(60, 35 - i % 3), Score(120, 33 - i % 5), Score(180, 32 - i % 2)],
        }).ToList();
        var pre = Named(patients, "Slope before the first course, mixed model");
        Assert.Null(pre.Estimate);
        Assert.Equal(12, pre.Denominator);
        Assert.Equal(
            "not estimable: number of observations (=24) <= number of random effects (=24) for term (months | patient); " +
            "the random-effects parameters and the residual variance (or scale parameter) are probably unidentifiable", pre.Shortfall);
        // The model after the course, with three scores each, is estimated; balanced times make its fixed slope the
        // mean of the patients' own slopes.
        var post = Named(patients, "Slope after the first course, mixed model");
        var months = new[] { 60, 120, 180 }.Select(d => Timeline.Months(Start, Start.AddDays(d))).ToArray();
        var ownSlopes = patients.Select(p => LeastSquaresSlope.Fit(months, p.Assessments.Skip(2).Select(a => (double)a.Total).ToArray())!.Slope);
        Assert.Equal(ownSlopes.Average(), post.Estimate!.Value, 6);
    }

    [Fact]
    public void A_singular_fit_is_said_in_the_method()
    {
        // Every patient declines alike after the course, with the same wobble: no spread of slopes to estimate.
        var patients = Enumerable.Range(0, 10).Select(i => Treated() with
        {
            Assessments = [Score(0, 40 - i), Score(60, 39 - i), Score(120, 36 - i), Score(180, 36 - i), Score(240, 33 - i)],
        }).ToList();
        var post = Named(patients, "Slope after the first course, mixed model");
        Assert.NotNull(post.Estimate);
        Assert.Contains("singular fit (lme4's isSingular)", post.Method);
        Assert.DoesNotContain("residual variance estimated as zero", post.Method);
    }
}
