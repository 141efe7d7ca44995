using CellTherapyCenter.Statistics.MixedModels;

namespace CellTherapyCenter.Statistics.Tests.MixedModels;

/// <summary>
/// The edges of <c>y ~ t + (t | id)</c> against lme4 1.1-31 (make-lmm-edge-references.R): the
/// models lmer refuses, with its messages; isSingular; and lines without residual noise, where
/// lmer itself stops short and the exact answer is computed in R from the patients' own lines.
/// </summary>
public sealed class RandomSlopeEdgeTests
{
    private static readonly ReferenceData Data = ReferenceData.Read("data-lmm-edge.csv");
    private static readonly ReferenceData R = ReferenceData.Read("lmm-edge.csv");

    private static int Row(string name) => R.RowsWhere("case", name).Single();

    private static RandomSlopeFit Fit(string name)
    {
        var rows = Data.RowsWhere("case", name).ToArray();
        return RandomSlopeModel.Fit(rows.Select(r => Data.Text(r, "id")).ToArray(), Data.Numbers("t", rows), Data.Numbers("y", rows), "t", "id");
    }

    [Theory]
    [InlineData("one-subject")]
    [InlineData("one-visit-each")]
    [InlineData("two-visits-each")]
    [InlineData("one-or-two-visits")]
    public void Refuses_what_lmer_refuses_in_its_words(string name)
    {
        var refused = Assert.Throws<UnidentifiableModelException>(() => Fit(name));
        Assert.Equal(R.Text(Row(name), "error"), refused.Message);
    }

    [Fact]
    public void Refuses_fewer_than_three_subjects_with_a_slope_which_lmer_fits()
    {
        // lmer fits two patients' lines and three single visits (singular); two slopes cannot tell how slopes vary.
        Assert.Equal("", R.Text(Row("two-lines"), "error"));
        var refused = Assert.Throws<UnidentifiableModelException>(() => Fit("two-lines"));
        Assert.Equal("only 2 of 5 subjects have two or more distinct times (t): at least 3 are needed to estimate how slopes vary between subjects", refused.Message);
    }

    [Theory]
    [InlineData("equal-slopes")]
    [InlineData("correlated")]
    [InlineData("regular")]
    public void Singular_as_lme4s_isSingular_says(string name)
    {
        var row = Row(name);
        var fit = Fit(name);
        var singular = R.Text(row, "singular") == "TRUE";
        Assert.Equal(singular, fit.IsSingular);
        Assert.Equal(R.Text(row, "messages") == "" ? [] : [R.Text(row, "messages")], fit.Warnings);
        if (singular) Assert.Equal(RandomSlopeModel.SingularWarning, R.Text(row, "messages"));
        // lmer's default stop is within about 1e-5 of the optimum on data this small.
        foreach (var (column, value) in new[] { ("intercept", fit.Intercept.Estimate), ("slope", fit.Slope.Estimate), ("correlation", fit.Correlation) })
            Assert.True(Math.Abs(R.Number(row, column) - value) <= 1e-4 * Math.Abs(R.Number(row, column)), $"{column}: R gives {R.Number(row, column):R}, we give {value:R}");
    }

    [Theory]
    [InlineData("alsfrs", "data-alsfrs-lmm.csv")]
    [InlineData("singular", "data-alsfrs-singular.csv")]
    public void Singular_on_the_stored_alsfrs_data_as_lme4_says(string name, string file)
    {
        var input = ReferenceData.Read(file);
        var rows = Enumerable.Range(0, input.Count).ToArray();
        var fit = RandomSlopeModel.Fit(rows.Select(r => input.Text(r, "patient")).ToArray(), input.Numbers("months", rows), input.Numbers("alsfrs", rows), "months", "patient");
        var row = Row(name);
        Assert.Equal(R.Text(row, "singular") == "TRUE", fit.IsSingular);
        Assert.Equal(R.Text(row, "messages") == "" ? [] : [R.Text(row, "messages")], fit.Warnings);
    }

    [Fact]
    public void Noise_free_lines_give_the_exact_fit()
    {
        var exact = Row("noise-free-exact");
        var fit = Fit("noise-free");
        AssertR.Close(40.8, R.Number(exact, "intercept"), "R's mean of the lines");
        AssertR.Close(R.Number(exact, "intercept"), fit.Intercept.Estimate, "intercept");
        AssertR.Close(R.Number(exact, "slope"), fit.Slope.Estimate, "slope");
        AssertR.Close(R.Number(exact, "interceptSe"), fit.Intercept.StandardError, "intercept SE");
        AssertR.Close(R.Number(exact, "slopeSe"), fit.Slope.StandardError, "slope SE");
        AssertR.Close(R.Number(exact, "interceptSd"), fit.InterceptSd, "intercept SD");
        AssertR.Close(R.Number(exact, "slopeSd"), fit.SlopeSd, "slope SD");
        AssertR.Close(R.Number(exact, "correlation"), fit.Correlation, "correlation");
        Assert.Equal(0, fit.ResidualSd);
        Assert.Equal(double.NegativeInfinity, fit.RemlCriterion);
        Assert.False(fit.IsSingular);
        Assert.Equal([RandomSlopeModel.NoNoiseWarning], fit.Warnings);
        // lmer's own fit stops short of the boundary, at fixed effects that depend on where it stopped.
        Assert.True(Math.Abs(R.Number(Row("noise-free"), "intercept") - 40.8) > 0.05);
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1e-6)]
    [InlineData(1e-8)]
    [InlineData(1e-10)]
    public void Nearly_noise_free_lines_tend_to_the_exact_fit(double noise)
    {
        // The fit is continuous as σ → 0, so a little noise must give nearly the exact fit, not wherever the
        // rounding of a difference of large sums stops the search (lmer itself gives an intercept of 40.78 at
        // 1e-6, whatever its start). Noise below 1e-12 of the outcome's SD would count as none.
        var rows = Data.RowsWhere("case", "noise-free").ToArray();
        var y = Data.Numbers("y", rows).Select((v, i) => v + noise * Math.Sin(i + 1)).ToArray();
        var fit = RandomSlopeModel.Fit(rows.Select(r => Data.Text(r, "id")).ToArray(), Data.Numbers("t", rows), y, "t", "id");
        var exact = Row("noise-free-exact");
        var tolerance = Math.Max(1e-6, 10 * noise);
        foreach (var (column, value) in new[]
        {
            ("intercept", fit.Intercept.Estimate), ("slope", fit.Slope.Estimate), ("interceptSe", fit.Intercept.StandardError),
            ("slopeSe", fit.Slope.StandardError), ("interceptSd", fit.InterceptSd), ("slopeSd", fit.SlopeSd), ("correlation", fit.Correlation),
        })
            Assert.True(Math.Abs(R.Number(exact, column) - value) <= tolerance * Math.Abs(R.Number(exact, column)), $"{column}: exact {R.Number(exact, column):R}, we give {value:R}");
        Assert.InRange(fit.ResidualSd, 0.1 * noise, 10 * noise);
        Assert.Empty(fit.Warnings);
    }

    [Fact]
    public void Noise_free_lines_with_single_visits_give_the_exact_fit()
    {
        // R minimises the REML criterion of the exact data over D by optim; lmer's own fit again stops short.
        var exact = Row("noise-free-singles-exact");
        var fit = Fit("noise-free-singles");
        foreach (var (column, value) in new[]
        {
            ("intercept", fit.Intercept.Estimate), ("slope", fit.Slope.Estimate), ("interceptSe", fit.Intercept.StandardError),
            ("slopeSe", fit.Slope.StandardError), ("interceptSd", fit.InterceptSd), ("slopeSd", fit.SlopeSd), ("correlation", fit.Correlation),
        })
            AssertR.Close(R.Number(exact, column), value, column);
        Assert.Equal(0, fit.ResidualSd);
        Assert.Equal([RandomSlopeModel.NoNoiseWarning], fit.Warnings);
        Assert.True(Math.Abs(R.Number(Row("noise-free-singles"), "intercept") - R.Number(exact, "intercept")) > 0.01);
    }
}
