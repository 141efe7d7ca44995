using System.Collections.Concurrent;
using System.Globalization;
using CellTherapyCenter.Data.Inquiries;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.Inquiries;

/// <summary>
/// The request form's words, its validation messages, the consent and the confirmation page in
/// each site language: <c>RequestText.resx</c> (English), <c>.uk.resx</c>, <c>.sr-Latn.resx</c>.
/// The English consent is <see cref="InquiryInput.ConsentWording"/> (a test keeps them equal).
/// </summary>
public sealed class RequestText;

public static class RequestTextExtensions
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> CountriesByCulture = new();

    public static string Role(this IStringLocalizer<RequestText> text, RequesterRole role) => text[$"Role.{role}"];

    public static string Ventilation(this IStringLocalizer<RequestText> text, VentilationSupport support) => text[$"Ventilation.{support}"];

    /// <summary>A language the clinic answers in, named in the visitor's language.</summary>
    public static string AnswerLanguage(this IStringLocalizer<RequestText> text, string code, string englishName)
    {
        var name = text[$"AnswerLanguage.{code}"];
        return name.ResourceNotFound ? englishName : name.Value;
    }

    /// <summary>
    /// The consent in a given language: the one the form showed, whatever language the request that
    /// sends it is read in (the form carries it), so the stored wording is the wording agreed to.
    /// </summary>
    public static string ConsentIn(this IStringLocalizer<RequestText> text, CultureInfo culture)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return text["Consent"];
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    /// <summary>
    /// The countries of <see cref="InquiryInput.Countries"/> named and sorted in the current UI
    /// culture. Names come from the platform's ICU data (the name of an unknown language "in"
    /// the region, e.g. "невідома мова (Німеччина)", from which the region is taken); where it
    /// has none, the English name stays.
    /// </summary>
    public static IReadOnlyList<(string Code, string Name)> CountriesInCurrentCulture()
    {
        var ui = CultureInfo.CurrentUICulture;
        if (ui.TwoLetterISOLanguageName == "en") return InquiryInput.Countries;
        return CountriesByCulture.GetOrAdd(ui.Name, _ =>
        {
            var comparer = StringComparer.Create(ui, ignoreCase: false);
            return InquiryInput.Countries.Select(c => (c.Code, Name: RegionName(c.Code) ?? c.Name))
                .OrderBy(c => c.Name, comparer).ToList();
        });
    }

    private static string? RegionName(string code)
    {
        try
        {
            var display = CultureInfo.GetCultureInfo("und-" + code).DisplayName;
            int open = display.IndexOf('('), close = display.LastIndexOf(')');
            if (open < 0 || close <= open + 1) return null;
            var name = display[(open + 1)..close].Trim();
            return name.Length == 0 || name.Equals(code, StringComparison.OrdinalIgnoreCase) ? null : name;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
