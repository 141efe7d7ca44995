namespace CellTherapyCenter.Outcomes.Claims;

/// <summary>
/// The survival a group of patients would have if each followed their own ENCALS prediction from
/// the time they entered (the mean of Sᵢ(entryᵢ + t) / Sᵢ(entryᵢ), Ederer's "exact" expected
/// curve without censoring), month by month.
/// </summary>
public sealed record ExpectedSurvival(int Patients, IReadOnlyList<double> Months, IReadOnlyList<double> Survival);
