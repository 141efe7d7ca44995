namespace CellTherapyCenter.Clinical.Alsfrs;

/// <summary>
/// Short plain-language anchors for each answer (4 down to 0), in our own words after Cedarbaum
/// 1999. For forms; the scoring never depends on them.
/// </summary>
public static class AlsfrsRAnchors
{
    public static string Question(AlsfrsRItem item, CuttingFoodVersion version = CuttingFoodVersion.WithoutGastrostomy5a) => item switch
    {
        AlsfrsRItem.Speech => "Speech",
        AlsfrsRItem.Salivation => "Saliva",
        AlsfrsRItem.Swallowing => "Swallowing",
        AlsfrsRItem.Handwriting => "Handwriting",
        AlsfrsRItem.CuttingFood => version == CuttingFoodVersion.WithGastrostomy5b
            ? "Handling the feeding tube and fasteners (with gastrostomy)" : "Cutting food and using utensils (no gastrostomy)",
        AlsfrsRItem.DressingHygiene => "Dressing and personal hygiene",
        AlsfrsRItem.TurningInBed => "Turning in bed and adjusting bedclothes",
        AlsfrsRItem.Walking => "Walking",
        AlsfrsRItem.ClimbingStairs => "Climbing stairs",
        AlsfrsRItem.Dyspnea => "Shortness of breath",
        AlsfrsRItem.Orthopnea => "Breathing when lying down",
        AlsfrsRItem.RespiratoryInsufficiency => "Breathing support",
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    /// <summary>Anchor texts indexed by score: [0] is the text for 0, [4] for 4.</summary>
    public static IReadOnlyList<string> Answers(AlsfrsRItem item, CuttingFoodVersion version = CuttingFoodVersion.WithoutGastrostomy5a) => item switch
    {
        AlsfrsRItem.Speech => ["No useful speech", "Speaks and also uses other ways to communicate", "Understood when repeating", "Noticeably different speech", "Normal"],
        AlsfrsRItem.Salivation => ["Heavy drooling, needs tissues all the time", "Much too much saliva, some drooling", "Rather too much saliva, slight drooling", "A little too much saliva, may drool at night", "Normal"],
        AlsfrsRItem.Swallowing => ["Nothing by mouth: fed only by tube or vein", "Needs tube feeding in addition", "Has changed what textures are eaten", "First problems, chokes now and then", "Eats normally"],
        AlsfrsRItem.Handwriting => ["Cannot hold a pen", "Holds a pen but cannot write", "Some words cannot be read", "Slow or untidy, every word can be read", "Normal"],
        AlsfrsRItem.CuttingFood => version == CuttingFoodVersion.WithGastrostomy5b
            ? ["Cannot do any part of it", "Gives the carer a little help", "Needs some help with closures and fasteners", "Clumsy but does everything alone", "Normal"]
            : ["Has to be fed", "Someone must cut the food; still eats alone, slowly", "Cuts most food, slowly and clumsily, with some help", "A little slow and clumsy, no help needed", "Normal"],
        AlsfrsRItem.DressingHygiene => ["Fully dependent", "Needs a helper for self-care", "Needs help at times or uses other ways", "Independent, with effort or slower", "Normal"],
        AlsfrsRItem.TurningInBed => ["Cannot help at all", "Starts but cannot turn or adjust alone", "Manages alone with great difficulty", "A little slow and clumsy, no help needed", "Normal"],
        AlsfrsRItem.Walking => ["No purposeful leg movement", "Moves legs but cannot walk", "Walks with help", "First difficulties walking", "Normal"],
        AlsfrsRItem.ClimbingStairs => ["Cannot climb stairs", "Needs help", "Slightly unsteady or tired", "Slow", "Normal"],
        AlsfrsRItem.Dyspnea => ["Great difficulty; breathing machine being considered", "Short of breath at rest, sitting or lying", "Short of breath eating, washing or dressing", "Short of breath when walking", "None"],
        AlsfrsRItem.Orthopnea => ["Cannot sleep without a breathing machine", "Can only sleep sitting up", "Needs more than two pillows", "Some trouble sleeping, two pillows at most", "None"],
        AlsfrsRItem.RespiratoryInsufficiency => ["Invasive ventilation (intubation or tracheostomy)", "BiPAP day and night", "BiPAP every night", "BiPAP now and then", "None"],
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };
}
