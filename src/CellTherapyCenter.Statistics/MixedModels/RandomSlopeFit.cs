namespace CellTherapyCenter.Statistics.MixedModels;

/// <summary>
/// A fixed effect with its standard error (lme4: fixef and sqrt(diag(vcov))), its Wald 95%
/// interval as lme4's <c>confint(fit, method = "Wald")</c> and the two-sided p-value of the Wald z
/// against the normal distribution (lme4 prints none; the degrees of freedom of a t test in a
/// mixed model are themselves an approximation, and with hundreds of subjects the normal is the usual choice).
/// </summary>
public sealed record FixedEffect(string Name, double Estimate, double StandardError)
{
    /// <summary>qnorm(0.975).</summary>
    private static readonly double Z975 = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.975);

    public double WaldLower => Estimate - Z975 * StandardError;

    public double WaldUpper => Estimate + Z975 * StandardError;

    /// <summary>2 Φ(−|estimate / SE|).</summary>
    public double P => 2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -Math.Abs(Estimate / StandardError));
}

/// <summary>
/// The REML fit of <c>outcome ~ time + (time | subject)</c>, in lme4's terms: random-effect
/// standard deviations and their correlation as <c>VarCorr</c>, <see cref="ResidualSd"/> as
/// <c>sigma</c>, <see cref="RemlCriterion"/> as <c>REMLcrit</c> ("REML criterion at convergence",
/// −2 × the REML log-likelihood), and <see cref="Theta"/> as <c>getME(fit, "theta")</c>.
/// The correlation is NaN when the intercept or slope variance is estimated as zero, as in lme4.
/// Without residual noise the residual SD is 0, the criterion −∞ and θ = Λ/σ infinite where Λ
/// is not zero (see <see cref="RandomSlopeModel"/>).
/// </summary>
public sealed record RandomSlopeFit(
    int N,
    int Subjects,
    FixedEffect Intercept,
    FixedEffect Slope,
    double InterceptSd,
    double SlopeSd,
    double Correlation,
    double ResidualSd,
    double RemlCriterion,
    IReadOnlyList<double> Theta,
    int Evaluations)
{
    /// <summary>lme4's <c>isSingular</c>: the fit is on the boundary (a variance at zero, or the correlation at ±1).</summary>
    public bool IsSingular { get; init; }

    /// <summary>What a reader must know about the fit, worded as lme4 words it where lme4 says it; empty when there is nothing to say.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
