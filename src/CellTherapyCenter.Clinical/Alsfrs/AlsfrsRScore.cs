namespace CellTherapyCenter.Clinical.Alsfrs;

/// <summary>
/// Total and domain subscores of one ALSFRS-R. A subscore exists when its three items are
/// answered; the total exists only when all twelve are (an incomplete assessment has no total).
/// </summary>
public sealed record AlsfrsRScore(
    int? Total,
    int? Bulbar,
    int? FineMotor,
    int? GrossMotor,
    int? Respiratory,
    IReadOnlyList<AlsfrsRItem> MissingItems)
{
    public bool IsComplete => MissingItems.Count == 0;

    public int? this[AlsfrsRDomain domain] => domain switch
    {
        AlsfrsRDomain.Bulbar => Bulbar,
        AlsfrsRDomain.FineMotor => FineMotor,
        AlsfrsRDomain.GrossMotor => GrossMotor,
        AlsfrsRDomain.Respiratory => Respiratory,
        _ => throw new ArgumentOutOfRangeException(nameof(domain)),
    };

    /// <summary>Scores the responses. Throws if any answered item is outside 0-4: validate first.</summary>
    public static AlsfrsRScore Of(AlsfrsRResponses responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var outOfRange = responses.OutOfRangeItems();
        if (outOfRange.Count > 0)
            throw new ArgumentOutOfRangeException(nameof(responses),
                $"ALSFRS-R item(s) {string.Join(", ", outOfRange)} outside 0-4.");

        var missing = AlsfrsRItems.All.Where(i => responses[i] is null).ToArray();
        int? Sum(AlsfrsRDomain domain)
        {
            var items = AlsfrsRItems.All.Where(i => AlsfrsRItems.DomainOf(i) == domain).ToArray();
            return items.Any(i => responses[i] is null) ? null : items.Sum(i => responses[i]!.Value);
        }

        var bulbar = Sum(AlsfrsRDomain.Bulbar);
        var fine = Sum(AlsfrsRDomain.FineMotor);
        var gross = Sum(AlsfrsRDomain.GrossMotor);
        var resp = Sum(AlsfrsRDomain.Respiratory);
        int? total = missing.Length == 0 ? bulbar + fine + gross + resp : null;
        return new AlsfrsRScore(total, bulbar, fine, gross, resp, missing);
    }
}
