using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Clinical.Alsfrs;

namespace CellTherapyCenter.Clinical.Staging;

[Flags]
public enum MitosDomain
{
    None = 0,
    [Display(Name = "Walking and self-care")]
    WalkingSelfCare = 1,
    Swallowing = 2,
    Communicating = 4,
    Breathing = 8,
}

/// <summary>
/// MiToS functional stage (Chiò et al., J Neurol Neurosurg Psychiatry 2015;86:38-44, Table 1):
/// the number of the four domains in which independence is lost, 0-4; 5 is death.
/// </summary>
public sealed record MitosStage(int Stage, MitosDomain DomainsLost)
{
    public const int DeathStage = 5;

    public static IReadOnlyList<AlsfrsRItem> RequiredItems { get; } =
    [
        AlsfrsRItem.Speech, AlsfrsRItem.Swallowing, AlsfrsRItem.Handwriting, AlsfrsRItem.DressingHygiene,
        AlsfrsRItem.Walking, AlsfrsRItem.Dyspnea, AlsfrsRItem.RespiratoryInsufficiency,
    ];

    /// <summary>The stage for a living patient, or null when an item it needs is missing.</summary>
    public static MitosStage? Estimate(AlsfrsRResponses r)
    {
        ArgumentNullException.ThrowIfNull(r);
        StagingInput.EnsureInRange(r);
        if (RequiredItems.Any(i => r[i] is null)) return null;

        var lost = MitosDomain.None;
        if (r.Walking <= 1 || r.DressingHygiene <= 1) lost |= MitosDomain.WalkingSelfCare;
        if (r.Swallowing <= 1) lost |= MitosDomain.Swallowing;
        // AND, as published: communication is lost only when both speech and handwriting are lost.
        if (r.Speech <= 1 && r.Handwriting <= 1) lost |= MitosDomain.Communicating;
        if (r.Dyspnea <= 1 || r.RespiratoryInsufficiency <= 2) lost |= MitosDomain.Breathing;

        return new MitosStage(System.Numerics.BitOperations.PopCount((uint)lost), lost);
    }

    public static MitosStage Deceased { get; } = new(DeathStage, MitosDomain.None);
}
