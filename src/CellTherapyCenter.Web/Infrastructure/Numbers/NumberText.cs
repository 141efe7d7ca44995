using System.Globalization;
using System.Resources;
using CellTherapyCenter.Web.Infrastructure.Localization;

namespace CellTherapyCenter.Web.Infrastructure.Numbers;

/// <summary>
/// What a number field says when its text is refused: NumberText.resx (English), .uk.resx and
/// .sr-Latn.resx. Public and portal pages answer in the visitor's language; staff pages in English.
/// </summary>
public static class NumberText
{
    public const string Empty = "Number.Empty";
    public const string NotANumber = "Number.NotANumber";
    public const string Grouped = "Number.Grouped";
    public const string Ambiguous = "Number.Ambiguous";
    public const string Negative = "Number.Negative";
    public const string NotWhole = "Whole.NotWhole";
    public const string TooLarge = "Number.TooLarge";

    private static readonly ResourceManager Strings = new(typeof(NumberText));

    /// <summary>The message key for a problem; whole-number fields get one message for every misplaced character.</summary>
    public static string For(NumberProblem problem, bool wholeNumber) => problem switch
    {
        NumberProblem.Negative => Negative,
        NumberProblem.TooLarge => TooLarge,
        _ when wholeNumber => NotWhole,
        NumberProblem.Grouped => Grouped,
        NumberProblem.Ambiguous => Ambiguous,
        _ => NotANumber,
    };

    /// <summary>The message in the request's language (English on staff pages, which are not translated).</summary>
    public static string Get(string key, HttpContext? context)
    {
        var culture = context is not null && LocalizationSetup.IsLocalized(context.Request.Path)
            ? CultureInfo.GetCultureInfo(SiteLanguages.Current.Culture)
            : CultureInfo.GetCultureInfo(SiteLanguages.DefaultCulture);
        return Get(key, culture);
    }

    public static string Get(string key, CultureInfo culture) =>
        Strings.GetString(key, culture) ?? throw new InvalidOperationException($"Number text {key} is missing.");
}
