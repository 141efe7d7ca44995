namespace CellTherapyCenter.Statistics.MixedModels;

/// <summary>
/// The REML fit of <c>outcome ~ time * group + (time | subject)</c>, in lme4's terms: the fixed
/// effects are lme4's fixef ("(Intercept)", time, group, time:group) with SEs from vcov;
/// <see cref="Intercept"/> and <see cref="Slope"/> are the reference group's (inGroup = false)
/// line, <see cref="Group"/> and <see cref="SlopeDifference"/> the group's differences from it, and
/// <see cref="GroupSlope"/> the group's own slope (Slope + SlopeDifference, named "time + time:group") with its SE from vcov.
/// The variance components, <see cref="RemlCriterion"/> and <see cref="Theta"/> are as in
/// <see cref="RandomSlopeFit"/>. <see cref="GroupSubjects"/> counts the subjects in the group.
/// </summary>
public sealed record GroupSlopeFit(
    int N,
    int Subjects,
    int GroupSubjects,
    FixedEffect Intercept,
    FixedEffect Slope,
    FixedEffect Group,
    FixedEffect SlopeDifference,
    FixedEffect GroupSlope,
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

    /// <summary>What a reader must know about the fit, worded as lme4 words it; empty when there is nothing to say.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
