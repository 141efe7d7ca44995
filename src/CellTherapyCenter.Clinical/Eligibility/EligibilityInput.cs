using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Diagnosis;

namespace CellTherapyCenter.Clinical.Eligibility;

/// <summary>A dated ALSFRS-R with its responses (total computed from them).</summary>
public sealed record DatedAlsfrsR(DateOnly Date, AlsfrsRResponses Responses);

/// <summary>Everything the screening reads, as recorded in the registry. Unknown facts are null.</summary>
public sealed record EligibilityInput
{
    public ElEscorialCategory? ElEscorial { get; init; }
    public bool? GoldCoastMet { get; init; }
    public DateOnly? OnsetDate { get; init; }
    public IReadOnlyList<DatedAlsfrsR> Assessments { get; init; } = [];
    /// <summary>Most recent FVC in % of predicted, if measured.</summary>
    public double? LatestFvcPercentPredicted { get; init; }
    public bool TakesOrTookRiluzole { get; init; }
    public bool TakesOrTookEdaravone { get; init; }
    public bool TakesOrTookTofersen { get; init; }
    public GeneticResult Sod1 { get; init; }
    public DateOnly? GastrostomyDate { get; init; }
    public DateOnly? TracheostomyDate { get; init; }
    public DateOnly? PermanentVentilationDate { get; init; }
    /// <summary>Severity of "speech and swallowing disorders" in the latest symptom inventory (0-3), if recorded.</summary>
    public int? LatestSpeechSwallowingSeverity { get; init; }
}
