using CellTherapyCenter.Statistics.MixedModels;

namespace CellTherapyCenter.Statistics.Tests.MixedModels;

/// <summary>
/// <c>alsfrs ~ months * treated + (months | patient)</c> against lme4 1.1-31 fitted with bobyqa to
/// rhoend = 1e-12 and Newton polish (Reference/make-comparison-references.R): 250 natural-history
/// subjects and 80 treated patients, and 40 patients of whom 10 are treated whose optimum is on the
/// boundary (θ3 = 0, correlation −1, lme4's "boundary (singular) fit"). Fixed effects as fixef/vcov, the Wald interval as
/// confint(method = "Wald"), the treated group's own slope with its SE from vcov.
/// </summary>
public sealed class GroupSlopeModelTests
{
    private static readonly ReferenceData Data = ReferenceData.Read("data-comparison-lmm.csv");
    private static readonly int[] Rows = Enumerable.Range(0, Data.Count).ToArray();

    private static GroupSlopeFit Fit(string file)
    {
        var data = ReferenceData.Read(file);
        var rows = Enumerable.Range(0, data.Count).ToArray();
        return GroupSlopeModel.Fit(rows.Select(r => data.Text(r, "patient")).ToArray(), data.Numbers("months", rows), data.Numbers("alsfrs", rows),
            rows.Select(r => data.Number(r, "treated") == 1).ToArray(), "months", "treated", "patient");
    }

    private static GroupSlopeFit Fit(Func<int, bool>? inGroup = null) =>
        GroupSlopeModel.Fit(Rows.Select(r => Data.Text(r, "patient")).ToArray(), Data.Numbers("months", Rows), Data.Numbers("alsfrs", Rows),
            Rows.Select(inGroup ?? (r => Data.Number(r, "treated") == 1)).ToArray(), "months", "treated", "patient");

    [Theory]
    [InlineData("comparison", "data-comparison-lmm.csv")]
    [InlineData("comparison-singular", "data-comparison-lmm-singular.csv")]
    public void Agrees_with_lmer_to_one_in_a_million(string name, string data)
    {
        var fit = Fit(data);
        var r = ReferenceData.Read($"lmm-{name}.csv");
        var fixef = ReferenceData.Read($"lmm-{name}-fixef.csv");

        Assert.Equal((int)r.Number(0, "n"), fit.N);
        Assert.Equal((int)r.Number(0, "subjects"), fit.Subjects);
        Assert.Equal((int)r.Number(0, "groupSubjects"), fit.GroupSubjects);
        var effects = new[] { fit.Intercept, fit.Slope, fit.Group, fit.SlopeDifference, fit.GroupSlope };
        Assert.Equal(["(Intercept)", "months", "treated", "months:treated", "groupSlope"], Enumerable.Range(0, fixef.Count).Select(i => fixef.Text(i, "name")));
        Assert.Equal(["(Intercept)", "months", "treated", "months:treated", "months + months:treated"], effects.Select(e => e.Name));
        for (var i = 0; i < effects.Length; i++)
        {
            var e = effects[i];
            AssertR.Close(fixef.Number(i, "estimate"), e.Estimate, $"{e.Name} estimate");
            AssertR.Close(fixef.Number(i, "se"), e.StandardError, $"{e.Name} SE");
            AssertR.Close(fixef.Number(i, "lower"), e.WaldLower, $"{e.Name} Wald lower");
            AssertR.Close(fixef.Number(i, "upper"), e.WaldUpper, $"{e.Name} Wald upper");
            AssertR.Close(fixef.Number(i, "p"), e.P, $"{e.Name} p");
        }
        AssertR.Close(r.Number(0, "interceptSd"), fit.InterceptSd, "intercept SD");
        AssertR.Close(r.Number(0, "slopeSd"), fit.SlopeSd, "slope SD");
        AssertR.Close(r.Number(0, "correlation"), fit.Correlation, "correlation");
        AssertR.Close(r.Number(0, "residualSd"), fit.ResidualSd, "residual SD");
        AssertR.Close(r.Number(0, "remlCriterion"), fit.RemlCriterion, "REML criterion");
        AssertR.Close([r.Number(0, "theta1"), r.Number(0, "theta2"), r.Number(0, "theta3")], fit.Theta, "theta");
        var singular = r.Text(0, "singular") == "TRUE";
        Assert.Equal(singular, fit.IsSingular);
        Assert.Equal(singular ? [RandomSlopeModel.SingularWarning] : [], fit.Warnings);
        // Not above the tight R optimum (within rounding of the criterion), and below lme4's default stop.
        Assert.True(fit.RemlCriterion <= r.Number(0, "remlCriterion") + 1e-8, $"{fit.RemlCriterion:R}");
        Assert.True(fit.RemlCriterion < r.Number(0, "defaultRemlCriterion"));
    }

    [Theory]
    [InlineData("comparison", "data-comparison-lmm.csv")]
    [InlineData("comparison-singular", "data-comparison-lmm-singular.csv")]
    public void P_values_that_do_not_underflow_are_checked_relative_to_R(string name, string data)
    {
        // AssertR.Close allows 1e-9 absolute, which says nothing about a p of 1e-28: compare those relative.
        var fit = Fit(data);
        var fixef = ReferenceData.Read($"lmm-{name}-fixef.csv");
        var effects = new[] { fit.Intercept, fit.Slope, fit.Group, fit.SlopeDifference, fit.GroupSlope };
        for (var i = 0; i < effects.Length; i++)
        {
            var expected = fixef.Number(i, "p");
            if (expected == 0) Assert.Equal(0, effects[i].P);
            else Assert.True(Math.Abs(effects[i].P - expected) <= 1e-7 * expected, $"{effects[i].Name}: R gives {expected:R}, we give {effects[i].P:R}");
        }
    }

    [Fact]
    public void Swapping_the_groups_mirrors_the_fit()
    {
        var fit = Fit();
        var swapped = Fit(r => Data.Number(r, "treated") == 0);
        Assert.Equal(fit.Subjects - fit.GroupSubjects, swapped.GroupSubjects);
        AssertR.Close(fit.RemlCriterion, swapped.RemlCriterion, "REML criterion");
        AssertR.Close(fit.GroupSlope.Estimate, swapped.Slope.Estimate, "treated slope");
        AssertR.Close(fit.GroupSlope.StandardError, swapped.Slope.StandardError, "treated slope SE");
        AssertR.Close(fit.Slope.Estimate, swapped.GroupSlope.Estimate, "cohort slope");
        AssertR.Close(-fit.SlopeDifference.Estimate, swapped.SlopeDifference.Estimate, "slope difference");
        AssertR.Close(fit.SlopeDifference.StandardError, swapped.SlopeDifference.StandardError, "slope difference SE");
        AssertR.Close(-fit.Group.Estimate, swapped.Group.Estimate, "group");
    }

    [Fact]
    public void All_subjects_in_one_group_is_refused()
    {
        // lmer drops the group columns as rank deficient; there is nothing to compare, and RandomSlopeModel fits that model.
        var none = Assert.Throws<ArgumentException>(() => Fit(_ => false));
        Assert.Contains("same group (treated)", none.Message);
        Assert.Throws<ArgumentException>(() => Fit(_ => true));
    }

    [Fact]
    public void A_group_that_changes_within_a_subject_is_refused()
    {
        var first = Data.Text(0, "patient");
        var second = Rows.First(r => r > 0 && Data.Text(r, "patient") == first);
        var refused = Assert.Throws<ArgumentException>(() => Fit(r => r == second || Data.Number(r, "treated") == 1));
        Assert.Contains($"Observation {second + 1} ", refused.Message);
    }

    [Fact]
    public void A_group_seen_at_one_time_only_is_refused()
    {
        // Each group subject seen once at month 0: the group's slope is not estimable.
        var refused = Assert.Throws<ArgumentException>(() => GroupSlopeModel.Fit(
            ["a", "a", "b", "b", "c", "c", "d", "e"], [0.0, 1, 0, 2, 0, 3, 0, 0], [40.0, 39, 41, 39, 38, 36, 40, 42],
            [false, false, false, false, false, false, true, true]));
        Assert.Contains("single value in the group", refused.Message);
    }

    [Fact]
    public void Refuses_what_lmer_refuses_in_its_words()
    {
        var refused = Assert.Throws<UnidentifiableModelException>(() => GroupSlopeModel.Fit(
            ["a", "a", "b", "b", "c", "c"], [0.0, 1, 0, 2, 0, 3], [40.0, 39, 41, 39, 38, 36], [false, false, true, true, false, false], "t", "g", "id"));
        Assert.StartsWith("number of observations (=6) <= number of random effects (=6) for term (t | id)", refused.Message);
    }

    [Fact]
    public void Noise_free_lines_are_refused()
    {
        var edge = ReferenceData.Read("data-lmm-edge.csv");
        var rows = edge.RowsWhere("case", "noise-free").ToArray();
        var ids = rows.Select(r => edge.Text(r, "id")).ToArray();
        var groupOf = ids.Distinct().Select((id, k) => (id, k)).ToDictionary(x => x.id, x => x.k % 2 == 1);
        var refused = Assert.Throws<UnidentifiableModelException>(() =>
            GroupSlopeModel.Fit(ids, edge.Numbers("t", rows), edge.Numbers("y", rows), ids.Select(id => groupOf[id]).ToArray()));
        Assert.StartsWith(RandomSlopeModel.NoNoiseWarning, refused.Message);
    }
}
