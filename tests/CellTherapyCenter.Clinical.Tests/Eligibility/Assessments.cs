using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Eligibility;

namespace CellTherapyCenter.Clinical.Tests.Eligibility;

/// <summary>Builds dated ALSFRS-R assessments for the screening tests.</summary>
internal static class Assessments
{
    // Items that feed no risk flag, lowered first to reach a wanted total.
    private static readonly AlsfrsRItem[] Neutral =
    [
        AlsfrsRItem.ClimbingStairs, AlsfrsRItem.Walking, AlsfrsRItem.TurningInBed, AlsfrsRItem.DressingHygiene,
        AlsfrsRItem.Handwriting, AlsfrsRItem.CuttingFood, AlsfrsRItem.Speech, AlsfrsRItem.Salivation, AlsfrsRItem.Orthopnea,
    ];

    public static readonly DateOnly Day0 = new(2024, 1, 10);

    /// <summary>A complete assessment with the given total (12-48), lowering only items that feed no risk flag.</summary>
    public static DatedAlsfrsR Total(int dayOffset, int total)
    {
        var r = AlsfrsRResponses.AllNormal;
        var drop = 48 - total;
        foreach (var item in Neutral)
        {
            var d = Math.Min(drop, 4);
            r = r.With(item, 4 - d);
            drop -= d;
        }
        if (drop != 0) throw new ArgumentOutOfRangeException(nameof(total));
        Assert.Equal(total, AlsfrsRScore.Of(r).Total);
        return new DatedAlsfrsR(Day0.AddDays(dayOffset), r);
    }

    public static DatedAlsfrsR At(int dayOffset, AlsfrsRResponses responses) => new(Day0.AddDays(dayOffset), responses);
}
