using System.Globalization;
using CellTherapyCenter.Clinical.Eligibility;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Outcomes;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Tests.PublicSite;

/// <summary>
/// The lists that come from code (the clinical library's manifestations, indications and former
/// contraindications; the clinic's stated outcomes) have a text for every member in every
/// language, and the English resource says what the library says.
/// </summary>
public sealed class TranslatedListsTests
{
    private static readonly ResourceManagerStringLocalizerFactory Factory = new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
    private static readonly IStringLocalizer<ClinicalText> Clinical = new StringLocalizer<ClinicalText>(Factory);
    private static readonly IStringLocalizer<OutcomeText> Stated = new StringLocalizer<OutcomeText>(Factory);

    private static void InEachLanguage(Action<SiteLanguage> check)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var language in SiteLanguages.All)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language.Culture);
                check(language);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private static void Found(IStringLocalizer localizer, string key, string culture) =>
        Assert.False(localizer[key].ResourceNotFound, $"{key} has no text in {culture}");

    [Fact]
    public void Every_manifestation_indication_and_risk_has_a_text_in_every_language() => InEachLanguage(language =>
    {
        foreach (var s in AlsSymptoms.All) Found(Clinical, $"Symptom.{s}", language.Culture);
        foreach (var i in Enum.GetValues<Indication>()) Found(Clinical, $"Indication.{i}", language.Culture);
        foreach (var f in Enum.GetValues<RiskFlag>()) Found(Clinical, $"Risk.{f}", language.Culture);
        Assert.Equal(13, AlsSymptoms.All.Select(Clinical.Symptom).Distinct().Count());
    });

    [Fact]
    public void The_english_texts_are_the_clinical_librarys_own() => InEachLanguage(language =>
    {
        if (language != SiteLanguages.English) return;
        foreach (var s in AlsSymptoms.All) Assert.Equal(AlsSymptoms.Describe(s), Clinical.Symptom(s));
    });

    [Fact]
    public void Every_stated_outcome_is_translated_and_its_english_is_the_librarys() => InEachLanguage(language =>
    {
        foreach (var o in StatedOutcomes.All)
        {
            var translated = Stated.Translate(o);
            Assert.Equal(o.Id, translated.Id);
            foreach (var field in new[] { "Heading", "Statement", "StatedFigure", "Definition", "Comparison" }) Found(Stated, $"{o.Id}.{field}", language.Culture);
            if (language == SiteLanguages.English) Assert.Equal(o, translated);
            else Assert.NotEqual(o.Heading, translated.Heading);
        }
    });
}
