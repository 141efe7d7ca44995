using System.Globalization;

namespace CellTherapyCenter.Web.Infrastructure.Localization;

/// <summary>
/// A language the public site and the patient portal speak: its culture, its own name for itself,
/// and its word for "language" (the name of the switcher's list, read by screen readers).
/// </summary>
public sealed record SiteLanguage(string Culture, string NativeName, string LanguageWord)
{
    /// <summary>The value for an HTML <c>lang</c> attribute.</summary>
    public string LangAttribute => Culture;
}

/// <summary>
/// English, Ukrainian and Serbian. Serbian is written in Latin script (<c>sr-Latn</c>): both scripts
/// are official and most Serbian websites and email use Latin; dates and numbers follow the same
/// culture so the page does not mix scripts. The staff portal stays English.
/// </summary>
public static class SiteLanguages
{
    public const string DefaultCulture = "en";

    public static SiteLanguage English { get; } = new("en", "English", "Language");
    public static SiteLanguage Ukrainian { get; } = new("uk", "Українська", "Мова");
    public static SiteLanguage Serbian { get; } = new("sr-Latn", "Srpski", "Jezik");

    public static IReadOnlyList<SiteLanguage> All { get; } = [English, Ukrainian, Serbian];

    /// <summary>The cultures pages are rendered in, English first (the default).</summary>
    public static IReadOnlyList<CultureInfo> Cultures { get; } = All.Select(l => ReadersCulture(l.Culture)).ToList();

    /// <summary>The culture of a request no language was asked for in.</summary>
    public static CultureInfo DefaultCultureInfo => Cultures[0];

    /// <summary>
    /// Ukrainian and Serbian pages write dates as those languages do ("04.03.2025", "4.3.2025.").
    /// English pages are read at a European clinic by people from everywhere, so a date is never
    /// written in US month/day order ("3/4/2025" is 4 March here and 3 April to an American):
    /// "4 Mar 2025" for the short form and "4 March 2025" for the long one. Numbers stay as in "en".
    /// </summary>
    private static CultureInfo ReadersCulture(string name)
    {
        if (name != DefaultCulture) return CultureInfo.GetCultureInfo(name);
        var english = new CultureInfo(name, useUserOverride: false);
        english.DateTimeFormat.ShortDatePattern = "d MMM yyyy";
        english.DateTimeFormat.LongDatePattern = "d MMMM yyyy";
        return CultureInfo.ReadOnly(english);
    }

    /// <summary>
    /// The supported language a BCP 47 tag asks for: "sr", "sr-RS", "sr-Latn-RS" and "sr-Cyrl"
    /// give Serbian, "uk-UA" Ukrainian, "en-GB" English; anything else null.
    /// </summary>
    public static SiteLanguage? Find(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary switch
        {
            "en" => English,
            "uk" => Ukrainian,
            "sr" => Serbian,
            _ => null,
        };
    }

    /// <summary>The language of the current request (falls back to English).</summary>
    public static SiteLanguage Current => Find(CultureInfo.CurrentUICulture.Name) ?? English;
}
