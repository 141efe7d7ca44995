using CellTherapyCenter.Clinical.Eligibility;
using CellTherapyCenter.Clinical.Symptoms;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>
/// The clinical library's lists as a visitor reads them, in each site language
/// (<c>ClinicalText.resx</c>, <c>.uk.resx</c>, <c>.sr-Latn.resx</c>): the 13 manifestations, the
/// indications and the former contraindications. The English file repeats the library's own words
/// (a test keeps them equal); the staff portal reads the library directly. The ALSFRS-R is not
/// here: the request form asks it in the portal's self-report wording (SelfReportText), whose
/// translations are clinical content under review.
/// </summary>
public sealed class ClinicalText;

public static class ClinicalTextExtensions
{
    public static string Symptom(this IStringLocalizer<ClinicalText> text, AlsSymptom symptom) => text[$"Symptom.{symptom}"];

    public static string Indication(this IStringLocalizer<ClinicalText> text, Indication indication) => text[$"Indication.{indication}"];

    public static string Risk(this IStringLocalizer<ClinicalText> text, RiskFlag flag) => text[$"Risk.{flag}"];
}
