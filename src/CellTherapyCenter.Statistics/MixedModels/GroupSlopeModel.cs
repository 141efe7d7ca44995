namespace CellTherapyCenter.Statistics.MixedModels;

/// <summary>
/// Two groups' ALSFRS-R slopes compared in one linear mixed model,
/// <c>outcome ~ time * group + (time | subject)</c>, fitted by REML as lme4's lmer: e.g. the
/// clinic's treated patients against an external natural-history cohort. The group is constant
/// within a subject, so the random effects' covariance and the residual SD are shared by the two
/// groups, and each group has its own mean line (see <see cref="RemlCriterion"/>).
/// </summary>
/// <remarks>
/// <para>
/// Refused as <see cref="RandomSlopeModel"/> refuses (<see cref="UnidentifiableModelException"/>,
/// in lmer's words). Refused with an <see cref="ArgumentException"/>: a group that changes within
/// a subject; all subjects in one group (there is nothing to compare: lmer would drop the group
/// columns as rank deficient; fit <see cref="RandomSlopeModel"/> instead); a group whose times all
/// take one value (its slope is not estimable; lmer would drop the column).
/// </para>
/// <para>
/// Data without residual noise (every subject's observations exactly on a line) are refused with an
/// <see cref="UnidentifiableModelException"/> carrying <see cref="RandomSlopeModel.NoNoiseWarning"/>:
/// the optimum is on the boundary σ = 0, which <see cref="RandomSlopeModel"/> fits exactly for one
/// group but this model does not (measured scores never lie exactly on lines).
/// </para>
/// </remarks>
public static class GroupSlopeModel
{
    public static GroupSlopeFit Fit<TSubject>(IReadOnlyList<TSubject> subject, IReadOnlyList<double> time,
        IReadOnlyList<double> outcome, IReadOnlyList<bool> inGroup,
        string timeName = "time", string groupName = "group", string subjectName = "subject")
        where TSubject : notnull
    {
        if (subject.Count != time.Count || time.Count != outcome.Count || outcome.Count != inGroup.Count)
            throw new ArgumentException("Subject, time, outcome and group need one value per observation each.");
        for (var i = 0; i < time.Count; i++)
            if (!double.IsFinite(time[i]) || !double.IsFinite(outcome[i]))
                throw new ArgumentException($"Observation {i + 1} has a missing or infinite time or outcome.");

        var ids = new Dictionary<TSubject, int>();
        var index = new int[subject.Count];
        var group = new List<bool>();
        for (var i = 0; i < subject.Count; i++)
        {
            if (!ids.TryGetValue(subject[i], out var id))
            {
                ids[subject[i]] = id = ids.Count;
                group.Add(inGroup[i]);
            }
            else if (group[id] != inGroup[i])
                throw new ArgumentException($"Observation {i + 1} puts its subject in another group ({groupName}) than its earlier observations: the group must be constant within a subject.");
            index[i] = id;
        }
        var groupSubjects = group.Count(g => g);
        if (groupSubjects == 0 || groupSubjects == ids.Count)
            throw new ArgumentException($"Every subject is in the same group ({groupName}): there is no group to compare with; fit the model without a group term.");
        foreach (var inThisGroup in new[] { false, true })
            if (Enumerable.Range(0, time.Count).Where(i => inGroup[i] == inThisGroup).Select(i => time[i]).Distinct().Take(2).Count() < 2)
                throw new ArgumentException($"The time ({timeName}) takes a single value in the {(inThisGroup ? "group" : "reference group")}: its slope cannot be estimated.");

        var lines = SubjectLine.PerSubject(index, ids.Count, time, outcome);
        RandomSlopeModel.Identifiable(subject.Count, ids.Count, lines, timeName, subjectName);
        var centre = outcome.Average();
        if (ExactLines.Apply(lines, outcome, centre))
            throw new UnidentifiableModelException(RandomSlopeModel.NoNoiseWarning + "; the model with a group term is not fitted on the boundary σ = 0");

        var criterion = new RemlCriterion(lines, centre, group);
        var theta = ThetaOptimizer.Minimise(t => criterion.Value(t));
        // As in RandomSlopeModel: with little residual noise, also from the subjects' own lines, keeping the lower.
        if (RandomSlopeModel.MomentStart(lines) is { } start && start.Max(Math.Abs) > 100)
        {
            var other = ThetaOptimizer.Minimise(t => criterion.Value(t), start);
            if (criterion.Value(other) < criterion.Value(theta)) theta = other;
        }
        var p = criterion.Evaluate(theta);

        var sigma = Math.Sqrt(p.Sigma2);
        double a = theta[0], b = theta[1], c = theta[2];
        var slopeScale = Math.Sqrt(b * b + c * c);
        var singular = a < RandomSlopeModel.SingularTolerance || c < RandomSlopeModel.SingularTolerance;
        // The two lines are independent (the Schur complement is block-diagonal), so a difference's variance is the sum.
        RemlCriterion.Line reference = p.Reference, own = p.Group;
        FixedEffect Effect(string name, double estimate, double inverse) => new(name, estimate, Math.Sqrt(p.Sigma2 * inverse));
        return new GroupSlopeFit(
            N: subject.Count,
            Subjects: ids.Count,
            GroupSubjects: groupSubjects,
            Intercept: Effect("(Intercept)", reference.Beta0 + centre, reference.Inverse00),
            Slope: Effect(timeName, reference.Beta1, reference.Inverse11),
            Group: Effect(groupName, own.Beta0 - reference.Beta0, reference.Inverse00 + own.Inverse00),
            SlopeDifference: Effect($"{timeName}:{groupName}", own.Beta1 - reference.Beta1, reference.Inverse11 + own.Inverse11),
            GroupSlope: Effect($"{timeName} + {timeName}:{groupName}", own.Beta1, own.Inverse11),
            InterceptSd: sigma * a,
            SlopeSd: sigma * slopeScale,
            Correlation: a * b / (a * slopeScale),
            ResidualSd: sigma,
            RemlCriterion: p.Criterion,
            Theta: theta,
            Evaluations: criterion.Evaluations)
        {
            IsSingular = singular,
            Warnings = singular ? [RandomSlopeModel.SingularWarning] : [],
        };
    }
}
