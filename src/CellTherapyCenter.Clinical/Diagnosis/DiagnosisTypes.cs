using System.ComponentModel.DataAnnotations;

namespace CellTherapyCenter.Clinical.Diagnosis;

/// <summary>Revised El Escorial (Airlie House) diagnostic certainty.</summary>
public enum ElEscorialCategory
{
    Suspected = 1,
    Possible = 2,
    [Display(Name = "Probable, laboratory-supported")]
    ProbableLaboratorySupported = 3,
    Probable = 4,
    Definite = 5,
}

/// <summary>Where the weakness began. Upper and lower limb together are "spinal" onset.</summary>
public enum OnsetSite
{
    Bulbar = 1,
    [Display(Name = "Upper limb")]
    UpperLimb = 2,
    [Display(Name = "Lower limb")]
    LowerLimb = 3,
    Respiratory = 4,
    Generalised = 5,
}

[Flags]
public enum BodyRegions
{
    None = 0,
    Bulbar = 1,
    Cervical = 2,
    Thoracic = 4,
    Lumbosacral = 8,
}

public enum GeneticResult
{
    [Display(Name = "Not tested")]
    NotTested = 0,
    Negative = 1,
    Positive = 2,
    [Display(Name = "Variant of uncertain significance")]
    VariantOfUncertainSignificance = 3,
}

public static class DiagnosisRules
{
    public static bool IsSpinal(OnsetSite site) => site is OnsetSite.UpperLimb or OnsetSite.LowerLimb;

    /// <summary>"Confirmed" for eligibility: El Escorial probable-laboratory-supported or better, or Gold Coast criteria met.</summary>
    public static bool IsConfirmed(ElEscorialCategory? elEscorial, bool? goldCoastMet) =>
        goldCoastMet == true || elEscorial is >= ElEscorialCategory.ProbableLaboratorySupported;
}
