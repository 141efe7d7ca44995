using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Symptoms;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.Portal.SelfReport;

// TEMPORARY until the resource-backed version lands (feature/self-report-text).
public sealed class SelfReportText(IStringLocalizer<SelfReportText> text)
{
    private readonly IStringLocalizer<SelfReportText> _text = text;
    public string Question(AlsfrsRItem item, CuttingFoodVersion version) => AlsfrsRAnchors.Question(item, version);
    public string? Hint(AlsfrsRItem item, CuttingFoodVersion version) => null;
    public IReadOnlyList<string> Answers(AlsfrsRItem item, CuttingFoodVersion version) => AlsfrsRAnchors.Answers(item, version);
    public string GastrostomyQuestion => "Do you have a feeding tube (gastrostomy) that you use?";
    public string GastrostomyHint => "";
    public string Yes => "Yes";
    public string No => "No";
    public string ChangeQuestion(ChangeAspect aspect) => $"Since your last course: {aspect}?";
    public string ChangeRating(ChangeRating rating) => ChangeRatings.Describe(rating);
    public string CaregiverNote => "Answer as things are for the patient now.";
}
