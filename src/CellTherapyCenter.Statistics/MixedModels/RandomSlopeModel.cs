namespace CellTherapyCenter.Statistics.MixedModels;

/// <summary>
/// The linear mixed model of ALSFRS-R over time with a correlated random intercept and slope
/// per patient, <c>outcome ~ time + (time | subject)</c>, fitted by REML as lme4's lmer: the
/// criterion is profiled over lme4's relative covariance factor θ and minimised tightly.
/// Unbalanced data are the normal case; a patient with a single visit still informs the
/// intercept and the variance components.
/// </summary>
/// <remarks>
/// <para>
/// Refused with an <see cref="UnidentifiableModelException"/>, as lmer refuses them: one subject;
/// as many subjects as observations; no more observations than random effects (two per subject),
/// e.g. every patient with a diagnosis visit and a baseline only. Refused too, although lmer fits
/// them: data where fewer than three subjects have two or more distinct times, since the slope
/// variance then rests on one or two slopes.
/// </para>
/// <para>
/// Data without residual noise (each subject's observations exactly on a line) have their optimum
/// on the boundary σ = 0: the REML criterion falls without bound as σ → 0. Fitted over θ = Λ/σ as
/// usual, the optimiser would walk towards θ = ∞ until rounding stops it, at fixed effects that
/// depend on where it stopped; such data are fitted at σ = 0 instead (<see cref="ExactLines"/>).
/// </para>
/// </remarks>
public static class RandomSlopeModel
{
    /// <summary>lme4's <c>isSingular</c> tolerance on the diagonal of the relative covariance factor.</summary>
    public const double SingularTolerance = 1e-4;

    /// <summary>What lme4 prints after a singular fit (a message since lme4 1.1-27).</summary>
    public const string SingularWarning = "boundary (singular) fit: see help('isSingular')";

    /// <summary>Ours: lme4 has no word for it, since its θ would be infinite.</summary>
    public const string NoNoiseWarning =
        "residual variance estimated as zero: every subject's observations lie exactly on a straight line, so the random effects are each subject's own line";

    public static RandomSlopeFit Fit<TSubject>(IReadOnlyList<TSubject> subject, IReadOnlyList<double> time, IReadOnlyList<double> outcome,
        string timeName = "time", string subjectName = "subject")
        where TSubject : notnull
    {
        if (subject.Count != time.Count || time.Count != outcome.Count)
            throw new ArgumentException("Subject, time and outcome need one value per observation each.");
        for (var i = 0; i < time.Count; i++)
            if (!double.IsFinite(time[i]) || !double.IsFinite(outcome[i]))
                throw new ArgumentException($"Observation {i + 1} has a missing or infinite time or outcome.");

        var ids = new Dictionary<TSubject, int>();
        var index = new int[subject.Count];
        for (var i = 0; i < subject.Count; i++)
        {
            if (!ids.TryGetValue(subject[i], out var id)) ids[subject[i]] = id = ids.Count;
            index[i] = id;
        }
        if (time.Distinct().Take(2).Count() < 2)
            throw new ArgumentException("The time must take at least two values to estimate a slope.");
        var lines = SubjectLine.PerSubject(index, ids.Count, time, outcome);
        Identifiable(subject.Count, ids.Count, lines, timeName, subjectName);

        var centre = outcome.Average();
        if (ExactLines.Apply(lines, outcome, centre))
            return ExactLines.Fit(subject.Count, lines, timeName);

        var criterion = new RemlCriterion(lines, centre);
        var theta = ThetaOptimizer.Minimise(t => criterion.Value(t));
        // With little residual noise θ = Λ/σ is large, far from lme4's start (1, 0, 1), and the search can stop
        // on the way: then also from θ as the subjects' own lines and residuals suggest, keeping the lower.
        if (MomentStart(lines) is { } start && start.Max(Math.Abs) > 100)
        {
            var other = ThetaOptimizer.Minimise(t => criterion.Value(t), start);
            if (criterion.Value(other) < criterion.Value(theta)) theta = other;
        }
        var p = criterion.Evaluate(theta);

        var sigma = Math.Sqrt(p.Sigma2);
        double a = theta[0], b = theta[1], c = theta[2];
        var slopeScale = Math.Sqrt(b * b + c * c);
        // lme4: any(theta[lower == 0] < tol); the lower bounds are 0 for θ1 and θ3, −∞ for θ2.
        var singular = a < SingularTolerance || c < SingularTolerance;
        return new RandomSlopeFit(
            N: subject.Count,
            Subjects: ids.Count,
            Intercept: new FixedEffect("(Intercept)", p.Reference.Beta0 + centre, Math.Sqrt(p.Sigma2 * p.Reference.Inverse00)),
            Slope: new FixedEffect(timeName, p.Reference.Beta1, Math.Sqrt(p.Sigma2 * p.Reference.Inverse11)),
            InterceptSd: sigma * a,
            SlopeSd: sigma * slopeScale,
            Correlation: a * b / (a * slopeScale),
            ResidualSd: sigma,
            RemlCriterion: p.Criterion,
            Theta: theta,
            Evaluations: criterion.Evaluations)
        {
            IsSingular = singular,
            Warnings = singular ? [SingularWarning] : [],
        };
    }

    /// <summary>θ from the covariance of the subjects' lines over the residual SD about them; null where those say nothing.</summary>
    internal static double[]? MomentStart(SubjectLine[] lines)
    {
        var withSlope = lines.Where(l => l.HasSlope).ToArray();
        var df = lines.Sum(l => l.Count - (l.HasSlope ? 2 : 1));
        var sigma = Math.Sqrt(lines.Sum(l => l.ResidualSumOfSquares) / df);
        if (df <= 0 || !(sigma > 0)) return null;
        double c0 = withSlope.Average(l => l.Intercept), c1 = withSlope.Average(l => l.Slope), m = withSlope.Length - 1;
        var d00 = withSlope.Sum(l => (l.Intercept - c0) * (l.Intercept - c0)) / m;
        var d01 = withSlope.Sum(l => (l.Intercept - c0) * (l.Slope - c1)) / m;
        var d11 = withSlope.Sum(l => (l.Slope - c1) * (l.Slope - c1)) / m;
        var a = Math.Sqrt(d00);
        var b = a > 0 ? d01 / a : 0;
        var c = Math.Sqrt(Math.Max(d11 - b * b, 1e-6 * d11));
        return [a / sigma, b / sigma, c / sigma];
    }

    /// <summary>lmer's checks, in lmer's order and words, then ours.</summary>
    internal static void Identifiable(int n, int subjects, SubjectLine[] lines, string timeName, string subjectName)
    {
        if (subjects < 2)
            throw new UnidentifiableModelException("grouping factors must have > 1 sampled level");
        if (subjects >= n)
            throw new UnidentifiableModelException($"number of levels of each grouping factor must be < number of observations (problems: {subjectName})");
        var randomEffects = 2 * subjects;
        if (n <= randomEffects)
            throw new UnidentifiableModelException(
                $"number of observations (={n}) <= number of random effects (={randomEffects}) for term ({timeName} | {subjectName}); " +
                "the random-effects parameters and the residual variance (or scale parameter) are probably unidentifiable");
        var withSlope = lines.Count(l => l.HasSlope);
        if (withSlope < 3)
            throw new UnidentifiableModelException(
                $"only {withSlope} of {subjects} subjects have two or more distinct times ({timeName}): at least 3 are needed to estimate how slopes vary between subjects");
    }
}
