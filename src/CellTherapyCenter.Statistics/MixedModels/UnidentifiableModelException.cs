namespace CellTherapyCenter.Statistics.MixedModels;

/// <summary>
/// The data cannot identify the random effects of <c>outcome ~ time + (time | subject)</c>, so
/// no fit is made. The message is lme4's where lmer refuses the same model (its checks
/// <c>check.nlev.gtr.1</c>, <c>check.nobs.vs.nlev</c> and <c>check.nobs.vs.nRE</c>), or says
/// that fewer than three subjects have a slope of their own.
/// </summary>
public sealed class UnidentifiableModelException(string message) : Exception(message);
