using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Clinical.Alsfrs;

namespace CellTherapyCenter.Clinical.Staging;

public enum KingsStageValue
{
    [Display(Name = "Stage 1")]
    Stage1,
    [Display(Name = "Stage 2")]
    Stage2,
    [Display(Name = "Stage 3")]
    Stage3,
    /// <summary>Nutritional failure: gastrostomy (item 5b answered).</summary>
    [Display(Name = "Stage 4A")]
    Stage4A,
    /// <summary>Respiratory failure: item 10 = 0 or item 12 &lt; 4.</summary>
    [Display(Name = "Stage 4B")]
    Stage4B,
    /// <summary>Death.</summary>
    [Display(Name = "Stage 5")]
    Stage5,
}

/// <summary>The stage's code as clinicians write it: "1", "2", "3", "4A", "4B" or "5".</summary>
public static class KingsStageCodes
{
    public static string Code(this KingsStageValue stage) => KingsStage.ToCode(stage);
}

/// <summary>
/// King's clinical stage estimated from the ALSFRS-R (Balendra et al., ALS Frontotemporal Degener 2014;15:279-84).
/// Both 4A and 4B may hold: the stage reported is 4B and both flags are kept.
/// </summary>
public sealed record KingsStage(
    KingsStageValue Stage,
    int RegionsInvolved,
    bool NutritionalFailure,
    bool RespiratoryFailure)
{
    /// <summary>Stage 1 given with no ALSFRS-R region involved, because King's stage 1 begins at symptom onset.</summary>
    public bool NoRegionInvolved => RegionsInvolved == 0 && Stage == KingsStageValue.Stage1;

    /// <summary>"1", "2", "3", "4A", "4B" or "5".</summary>
    public string Code => ToCode(Stage);

    public static string ToCode(KingsStageValue stage) => stage switch
    {
        KingsStageValue.Stage1 => "1",
        KingsStageValue.Stage2 => "2",
        KingsStageValue.Stage3 => "3",
        KingsStageValue.Stage4A => "4A",
        KingsStageValue.Stage4B => "4B",
        KingsStageValue.Stage5 => "5",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static KingsStageValue? FromCode(string? code) => code switch
    {
        "1" => KingsStageValue.Stage1,
        "2" => KingsStageValue.Stage2,
        "3" => KingsStageValue.Stage3,
        "4A" => KingsStageValue.Stage4A,
        "4B" => KingsStageValue.Stage4B,
        "5" => KingsStageValue.Stage5,
        _ => null,
    };

    /// <summary>The items King's staging reads: 1-5, 8, 10 and 12.</summary>
    public static IReadOnlyList<AlsfrsRItem> RequiredItems { get; } =
    [
        AlsfrsRItem.Speech, AlsfrsRItem.Salivation, AlsfrsRItem.Swallowing, AlsfrsRItem.Handwriting,
        AlsfrsRItem.CuttingFood, AlsfrsRItem.Walking, AlsfrsRItem.Dyspnea, AlsfrsRItem.RespiratoryInsufficiency,
    ];

    /// <summary>The stage for a living patient, or null when an item it needs is missing.</summary>
    public static KingsStage? Estimate(AlsfrsRResponses r)
    {
        ArgumentNullException.ThrowIfNull(r);
        StagingInput.EnsureInRange(r);
        if (RequiredItems.Any(i => r[i] is null)) return null;

        var respiratoryFailure = r.Dyspnea == 0 || r.RespiratoryInsufficiency < 4;
        var nutritionalFailure = r.UsesGastrostomy;

        var bulbar = r.Speech < 4 || r.Salivation < 4 || r.Swallowing < 4;
        // Item 5a counts for the upper limb; 5b (gastrostomy) is a different question and does not.
        var upperLimb = r.Handwriting < 4 || (!r.UsesGastrostomy && r.CuttingFood < 4);
        var lowerLimb = r.Walking < 4;
        var regions = (bulbar ? 1 : 0) + (upperLimb ? 1 : 0) + (lowerLimb ? 1 : 0);

        var stage = respiratoryFailure ? KingsStageValue.Stage4B
            : nutritionalFailure ? KingsStageValue.Stage4A
            : regions switch { 0 or 1 => KingsStageValue.Stage1, 2 => KingsStageValue.Stage2, _ => KingsStageValue.Stage3 };
        return new KingsStage(stage, regions, nutritionalFailure, respiratoryFailure);
    }

    public static KingsStage Deceased { get; } = new(KingsStageValue.Stage5, 0, false, false);
}
