using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Eligibility;
using CellTherapyCenter.Clinical.Symptoms;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>
/// The clinical library's lists as a visitor reads them, in each site language
/// (<c>ClinicalText.resx</c>, <c>.uk.resx</c>, <c>.sr-Latn.resx</c>): the 13 manifestations, the
/// indications and former contraindications, and the ALSFRS-R questions with the clinic's
/// plain-language answers. The English file repeats the library's own words (a test keeps them
/// equal); the staff portal reads the library directly.
/// </summary>
public sealed class ClinicalText;

public static class ClinicalTextExtensions
{
    public static string Symptom(this IStringLocalizer<ClinicalText> text, AlsSymptom symptom) => text[$"Symptom.{symptom}"];

    public static string Indication(this IStringLocalizer<ClinicalText> text, Indication indication) => text[$"Indication.{indication}"];

    public static string Risk(this IStringLocalizer<ClinicalText> text, RiskFlag flag) => text[$"Risk.{flag}"];

    public static string AlsfrsQuestion(this IStringLocalizer<ClinicalText> text, AlsfrsRItem item, CuttingFoodVersion version) =>
        text[$"Alsfrs.{AlsfrsKey(item, version)}.Question"];

    /// <summary>The answer for a score of 0 to 4.</summary>
    public static string AlsfrsAnswer(this IStringLocalizer<ClinicalText> text, AlsfrsRItem item, CuttingFoodVersion version, int score) =>
        text[$"Alsfrs.{AlsfrsKey(item, version)}.{score}"];

    /// <summary>Item 5 has two versions (5a without, 5b with gastrostomy); every other item one.</summary>
    public static string AlsfrsKey(AlsfrsRItem item, CuttingFoodVersion version) =>
        item == AlsfrsRItem.CuttingFood ? "CuttingFood" + AlsfrsRItems.Number(item, version) : item.ToString();
}
