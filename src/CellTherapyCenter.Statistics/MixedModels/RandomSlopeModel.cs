namespace CellTherapyCenter.Statistics.MixedModels;

/// <summary>
/// The linear mixed model of ALSFRS-R over time with a correlated random intercept and slope
/// per patient, <c>outcome ~ time + (time | subject)</c>, fitted by REML as lme4's lmer: the
/// criterion is profiled over lme4's relative covariance factor θ and minimised tightly.
/// Unbalanced data are the normal case; a patient with a single visit still informs the
/// intercept and the variance components.
/// </summary>
public static class RandomSlopeModel
{
    public static RandomSlopeFit Fit<TSubject>(IReadOnlyList<TSubject> subject, IReadOnlyList<double> time, IReadOnlyList<double> outcome, string timeName = "time")
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
        if (subject.Count <= 2)
            throw new ArgumentException("More observations than fixed effects (2) are needed for REML.");

        var centre = outcome.Average();
        var criterion = new RemlCriterion(SubjectMoments.Accumulate(index, ids.Count, time, outcome, centre));
        var theta = ThetaOptimizer.Minimise(t => criterion.Value(t));
        var p = criterion.Evaluate(theta);

        var sigma = Math.Sqrt(p.Sigma2);
        double a = theta[0], b = theta[1], c = theta[2];
        var slopeScale = Math.Sqrt(b * b + c * c);
        return new RandomSlopeFit(
            N: subject.Count,
            Subjects: ids.Count,
            Intercept: new FixedEffect("(Intercept)", p.Beta0 + centre, Math.Sqrt(p.Sigma2 * p.Inverse00)),
            Slope: new FixedEffect(timeName, p.Beta1, Math.Sqrt(p.Sigma2 * p.Inverse11)),
            InterceptSd: sigma * a,
            SlopeSd: sigma * slopeScale,
            Correlation: a * b / (a * slopeScale),
            ResidualSd: sigma,
            RemlCriterion: p.Criterion,
            Theta: theta,
            Evaluations: criterion.Evaluations);
    }
}
