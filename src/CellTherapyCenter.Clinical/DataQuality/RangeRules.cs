using System.Globalization;

namespace CellTherapyCenter.Clinical.DataQuality;

/// <summary>Where a value falls against its field's limits.</summary>
public enum RangeVerdict
{
    /// <summary>Within the usual range.</summary>
    Usual,
    /// <summary>Possible but unusual: saved only with "save anyway" and a reason.</summary>
    Unusual,
    /// <summary>Impossible: refused.</summary>
    Impossible,
}

/// <summary>
/// The limits of one numeric field: outside the hard limits a value is impossible (an error),
/// outside the soft ones it is possible but unusual (a warning that asks for a reason). A soft
/// limit left null has no warning on that side.
/// </summary>
public sealed record RangeRule(string Field, string Name, string Unit, double HardMin, double HardMax, double? SoftMin, double? SoftMax)
{
    /// <summary>The lowest usual value: the soft limit, or the hard one where there is none.</summary>
    public double UsualMin => SoftMin ?? HardMin;

    /// <summary>The highest usual value: the soft limit, or the hard one where there is none.</summary>
    public double UsualMax => SoftMax ?? HardMax;

    public RangeVerdict Check(double value) =>
        value < HardMin || value > HardMax ? RangeVerdict.Impossible
        : value < UsualMin || value > UsualMax ? RangeVerdict.Unusual
        : RangeVerdict.Usual;

    /// <summary>The error beside the field for an impossible value.</summary>
    public string HardMessage => string.Create(CultureInfo.InvariantCulture, $"{Name} must be between {HardMin:0.#} and {HardMax:0.#} {Unit}.");

    /// <summary>The warning beside the field for an unusual value.</summary>
    public string SoftMessage(double value) => string.Create(CultureInfo.InvariantCulture,
        $"{Name} {value:0.#} {Unit} is {(value > UsualMax ? "above" : "below")} the usual range ({UsualRange}). Check it, or save anyway with a reason.");

    /// <summary>"up to 150", "30 to 200".</summary>
    public string UsualRange => (SoftMin, SoftMax) switch
    {
        ({ } lo, { } hi) => string.Create(CultureInfo.InvariantCulture, $"{lo:0.#} to {hi:0.#} {Unit}"),
        (null, { } hi) => string.Create(CultureInfo.InvariantCulture, $"up to {hi:0.#} {Unit}"),
        ({ } lo, null) => string.Create(CultureInfo.InvariantCulture, $"from {lo:0.#} {Unit}"),
        _ => "any",
    };
}

/// <summary>
/// The range rules of the registry's numeric clinical fields, in one table: the forms check
/// values with them and the data-quality page lists stored values outside the soft limits with
/// the same numbers.
/// </summary>
public static class RangeRules
{
    /// <summary>FVC above 150% of predicted is possible in a strong young adult but far more often a typing error; 0 to 200 are the hard limits.</summary>
    public static RangeRule FvcPercentPredicted { get; } = new("FvcPercentPredicted", "FVC", "% of predicted", 0, 200, null, 150);

    /// <summary>Adults under 30 kg or over 200 kg are rare enough to ask; 20 to 300 kg are the hard limits.</summary>
    public static RangeRule WeightKg { get; } = new("WeightKg", "Weight", "kg", 20, 300, 30, 200);

    public static IReadOnlyList<RangeRule> All { get; } = [FvcPercentPredicted, WeightKg];

    /// <summary>A visit dated before the diagnosis is possible (a visit that led to it) but worth a second look.</summary>
    public static bool IsBeforeDiagnosis(DateOnly visit, DateOnly? diagnosis) => diagnosis is { } d && visit < d;

    public static string BeforeDiagnosisMessage(DateOnly diagnosis) =>
        string.Create(CultureInfo.InvariantCulture, $"The visit is dated before the diagnosis ({diagnosis:yyyy-MM-dd}). Check the date, or save anyway with a reason.");
}
