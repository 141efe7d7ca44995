namespace CellTherapyCenter.Clinical.Alsfrs;

/// <summary>
/// One ALSFRS-R questionnaire as answered. Items may be missing (null); a missing item
/// makes the assessment incomplete, and an incomplete assessment has no total (never imputed).
/// </summary>
public sealed record AlsfrsRResponses
{
    public int? Speech { get; init; }
    public int? Salivation { get; init; }
    public int? Swallowing { get; init; }
    public int? Handwriting { get; init; }
    /// <summary>Item 5: the 5a or 5b answer, per <see cref="CuttingFoodVersion"/>.</summary>
    public int? CuttingFood { get; init; }
    public CuttingFoodVersion CuttingFoodVersion { get; init; }
    public int? DressingHygiene { get; init; }
    public int? TurningInBed { get; init; }
    public int? Walking { get; init; }
    public int? ClimbingStairs { get; init; }
    public int? Dyspnea { get; init; }
    public int? Orthopnea { get; init; }
    public int? RespiratoryInsufficiency { get; init; }

    /// <summary>True when item 5b (with gastrostomy) was answered.</summary>
    public bool UsesGastrostomy => CuttingFoodVersion == CuttingFoodVersion.WithGastrostomy5b;

    public int? this[AlsfrsRItem item] => item switch
    {
        AlsfrsRItem.Speech => Speech,
        AlsfrsRItem.Salivation => Salivation,
        AlsfrsRItem.Swallowing => Swallowing,
        AlsfrsRItem.Handwriting => Handwriting,
        AlsfrsRItem.CuttingFood => CuttingFood,
        AlsfrsRItem.DressingHygiene => DressingHygiene,
        AlsfrsRItem.TurningInBed => TurningInBed,
        AlsfrsRItem.Walking => Walking,
        AlsfrsRItem.ClimbingStairs => ClimbingStairs,
        AlsfrsRItem.Dyspnea => Dyspnea,
        AlsfrsRItem.Orthopnea => Orthopnea,
        AlsfrsRItem.RespiratoryInsufficiency => RespiratoryInsufficiency,
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, "Not an ALSFRS-R item."),
    };

    /// <summary>A copy with one item set.</summary>
    public AlsfrsRResponses With(AlsfrsRItem item, int? score) => item switch
    {
        AlsfrsRItem.Speech => this with { Speech = score },
        AlsfrsRItem.Salivation => this with { Salivation = score },
        AlsfrsRItem.Swallowing => this with { Swallowing = score },
        AlsfrsRItem.Handwriting => this with { Handwriting = score },
        AlsfrsRItem.CuttingFood => this with { CuttingFood = score },
        AlsfrsRItem.DressingHygiene => this with { DressingHygiene = score },
        AlsfrsRItem.TurningInBed => this with { TurningInBed = score },
        AlsfrsRItem.Walking => this with { Walking = score },
        AlsfrsRItem.ClimbingStairs => this with { ClimbingStairs = score },
        AlsfrsRItem.Dyspnea => this with { Dyspnea = score },
        AlsfrsRItem.Orthopnea => this with { Orthopnea = score },
        AlsfrsRItem.RespiratoryInsufficiency => this with { RespiratoryInsufficiency = score },
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, "Not an ALSFRS-R item."),
    };

    /// <summary>All items answered 4, the normal questionnaire.</summary>
    public static AlsfrsRResponses AllNormal { get; } = FromScores(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4);

    /// <summary>Builds responses from the twelve item scores in form order.</summary>
    public static AlsfrsRResponses FromScores(
        int? speech, int? salivation, int? swallowing, int? handwriting, int? cuttingFood,
        int? dressingHygiene, int? turningInBed, int? walking, int? climbingStairs,
        int? dyspnea, int? orthopnea, int? respiratoryInsufficiency,
        CuttingFoodVersion cuttingFoodVersion = CuttingFoodVersion.WithoutGastrostomy5a) => new()
        {
            Speech = speech, Salivation = salivation, Swallowing = swallowing, Handwriting = handwriting,
            CuttingFood = cuttingFood, CuttingFoodVersion = cuttingFoodVersion, DressingHygiene = dressingHygiene,
            TurningInBed = turningInBed, Walking = walking, ClimbingStairs = climbingStairs,
            Dyspnea = dyspnea, Orthopnea = orthopnea, RespiratoryInsufficiency = respiratoryInsufficiency,
        };

    /// <summary>Items whose answer lies outside 0-4. Missing items are not errors here; see <see cref="AlsfrsRScore.MissingItems"/>.</summary>
    public IReadOnlyList<AlsfrsRItem> OutOfRangeItems() =>
        AlsfrsRItems.All.Where(i => this[i] is { } s && (s < AlsfrsRItems.MinimumScore || s > AlsfrsRItems.MaximumScore)).ToArray();
}
