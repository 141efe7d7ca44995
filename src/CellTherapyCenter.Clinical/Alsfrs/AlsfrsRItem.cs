using System.ComponentModel.DataAnnotations;

namespace CellTherapyCenter.Clinical.Alsfrs;

/// <summary>The twelve ALSFRS-R items (Cedarbaum 1999). Item 5 is scored as 5a or 5b, see <see cref="CuttingFoodVersion"/>.</summary>
public enum AlsfrsRItem
{
    Speech = 1,
    Salivation = 2,
    Swallowing = 3,
    Handwriting = 4,
    [Display(Name = "Cutting food")]
    CuttingFood = 5,
    [Display(Name = "Dressing and hygiene")]
    DressingHygiene = 6,
    [Display(Name = "Turning in bed")]
    TurningInBed = 7,
    Walking = 8,
    [Display(Name = "Climbing stairs")]
    ClimbingStairs = 9,
    Dyspnea = 10,
    Orthopnea = 11,
    [Display(Name = "Respiratory insufficiency")]
    RespiratoryInsufficiency = 12,
}

/// <summary>Which of the two item-5 questions was asked: 5b applies when the patient has a gastrostomy and uses it.</summary>
public enum CuttingFoodVersion
{
    [Display(Name = "5a, without gastrostomy")]
    WithoutGastrostomy5a = 0,
    [Display(Name = "5b, with gastrostomy")]
    WithGastrostomy5b = 1,
}

public enum AlsfrsRDomain
{
    Bulbar,
    [Display(Name = "Fine motor")]
    FineMotor,
    [Display(Name = "Gross motor")]
    GrossMotor,
    Respiratory,
}

public static class AlsfrsRItems
{
    public const int MinimumScore = 0;
    public const int MaximumScore = 4;

    public static IReadOnlyList<AlsfrsRItem> All { get; } = Enum.GetValues<AlsfrsRItem>();

    public static AlsfrsRDomain DomainOf(AlsfrsRItem item) => (int)item switch
    {
        <= 3 => AlsfrsRDomain.Bulbar,
        <= 6 => AlsfrsRDomain.FineMotor,
        <= 9 => AlsfrsRDomain.GrossMotor,
        _ => AlsfrsRDomain.Respiratory,
    };

    /// <summary>The item's number as printed on the form ("5a" or "5b" for item 5).</summary>
    public static string Number(AlsfrsRItem item, CuttingFoodVersion version = CuttingFoodVersion.WithoutGastrostomy5a) =>
        item == AlsfrsRItem.CuttingFood
            ? version == CuttingFoodVersion.WithGastrostomy5b ? "5b" : "5a"
            : ((int)item).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The camelCase field name used by the JSON API and forms.</summary>
    public static string FieldName(AlsfrsRItem item)
    {
        var name = item.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
