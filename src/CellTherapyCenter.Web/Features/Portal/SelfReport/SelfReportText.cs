using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Symptoms;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.Portal.SelfReport;

/// <summary>
/// Texts of the self-report in the current UI culture: the self-administered ALSFRS-R (one
/// plain-language question and five first-person answers per item, faithful to the anchors of
/// Cedarbaum 1999) and the 7-point patient-reported change. The texts live in
/// SelfReportText.resx (English), SelfReportText.uk.resx and SelfReportText.sr-Latn.resx; the
/// translations await review by a bilingual neurologist (docs/translations.md).
/// </summary>
public sealed class SelfReportText(IStringLocalizer<SelfReportText> text)
{
    /// <summary>The plain-language question of an item, in the second person ("How is your speech?").</summary>
    public string Question(AlsfrsRItem item, CuttingFoodVersion version) => Required($"{ItemKey(item, version)}.Question");

    /// <summary>A one-line clarification of the item (for example what BiPAP is), or null when the item has none.</summary>
    public string? Hint(AlsfrsRItem item, CuttingFoodVersion version)
    {
        var hint = text[$"{ItemKey(item, version)}.Hint"];
        return hint.ResourceNotFound || string.IsNullOrWhiteSpace(hint.Value) ? null : hint.Value;
    }

    /// <summary>The answers indexed by score: [0] is the text of score 0, [4] the text of score 4 (normal).</summary>
    public IReadOnlyList<string> Answers(AlsfrsRItem item, CuttingFoodVersion version)
    {
        var key = ItemKey(item, version);
        var answers = new string[AlsfrsRItems.MaximumScore - AlsfrsRItems.MinimumScore + 1];
        for (var score = AlsfrsRItems.MinimumScore; score <= AlsfrsRItems.MaximumScore; score++)
            answers[score - AlsfrsRItems.MinimumScore] = Required($"{key}.Answer{score}");
        return answers;
    }

    /// <summary>Asked before item 5: "yes" means item 5b (with gastrostomy), "no" item 5a.</summary>
    public string GastrostomyQuestion => Required("Gastrostomy.Question");

    public string GastrostomyHint => Required("Gastrostomy.Hint");

    public string Yes => Required("Yes");

    public string No => Required("No");

    /// <summary>"Since your last treatment course, how has your muscle weakness changed?" for the aspect.</summary>
    public string ChangeQuestion(ChangeAspect aspect) =>
        Enum.IsDefined(aspect) ? Required($"Change.{aspect}") : throw new ArgumentOutOfRangeException(nameof(aspect));

    /// <summary>"Very much better" (1) to "Very much worse" (7).</summary>
    public string ChangeRating(ChangeRating rating) =>
        Enum.IsDefined(rating) ? Required($"Rating.{rating}") : throw new ArgumentOutOfRangeException(nameof(rating));

    /// <summary>Shown to a caregiver who answers for the patient.</summary>
    public string CaregiverNote => Required("CaregiverNote");

    /// <summary>The resource key prefix of an item: "Item1" ... "Item12", and "Item5a" or "Item5b" for item 5.</summary>
    internal static string ItemKey(AlsfrsRItem item, CuttingFoodVersion version)
    {
        if (!Enum.IsDefined(item)) throw new ArgumentOutOfRangeException(nameof(item));
        if (!Enum.IsDefined(version)) throw new ArgumentOutOfRangeException(nameof(version));
        return "Item" + AlsfrsRItems.Number(item, version);
    }

    /// <summary>A text that must exist: a missing one is a defect of the resource files, never shown as its key.</summary>
    private string Required(string key)
    {
        var value = text[key];
        return value.ResourceNotFound || string.IsNullOrWhiteSpace(value.Value)
            ? throw new InvalidOperationException($"The self-report text '{key}' is missing from {value.SearchedLocation ?? "the resources"}.")
            : value.Value;
    }
}
