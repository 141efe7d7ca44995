using CellTherapyCenter.Outcomes;
using CellTherapyCenter.Outcomes.Comparison;

namespace CellTherapyCenter.Web.Features.Outcomes;

/// <summary>One claim's measures beside one external cohort, for the audit page's partial.</summary>
public sealed record ExternalCohortMeasures(string ClaimId, int Index, CohortComparison Comparison, IReadOnlyList<ClaimMeasure> Measures)
{
    /// <summary>The comparisons shown beside a claim: the progression claim's slopes, the survival claim's survival; none beside the others.</summary>
    public static IEnumerable<ExternalCohortMeasures> Beside(ClaimResult claim, IReadOnlyList<CohortComparison> comparisons) => claim.Stated.Id switch
    {
        "P" => comparisons.Select((c, i) => new ExternalCohortMeasures("P", i, c, c.Progression)),
        "S" => comparisons.Select((c, i) => new ExternalCohortMeasures("S", i, c, c.Survival)),
        _ => [],
    };
}
