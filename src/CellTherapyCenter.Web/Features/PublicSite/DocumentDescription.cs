using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>
/// How a document is described before download: "English, PDF, 930 kB" (staff pages, in English),
/// or on the public site in the visitor's language: "Англійська, PDF, 930 кБ".
/// </summary>
public static class DocumentDescription
{
    public static string Of(string languageTag, string contentType, long sizeBytes) =>
        $"{Language(languageTag)}, {Format(contentType)}, {Size(sizeBytes)}";

    /// <summary>In the current UI culture, with the units of <see cref="PublicText"/>.</summary>
    public static string Of(string languageTag, string contentType, long sizeBytes, IStringLocalizer<PublicText> text) =>
        $"{LanguageInCurrentCulture(languageTag)}, {Format(contentType)}, {Size(sizeBytes, text)}";

    public static string Language(string tag)
    {
        try { return CultureInfo.GetCultureInfo(tag).EnglishName; }
        catch (CultureNotFoundException) { return tag; }
    }

    /// <summary>The language's name in the visitor's language, as a list item starts: "Англійська", "Engleski".</summary>
    public static string LanguageInCurrentCulture(string tag)
    {
        try
        {
            var ui = CultureInfo.CurrentUICulture;
            if (ui.TwoLetterISOLanguageName == "en") return CultureInfo.GetCultureInfo(tag).EnglishName;
            var name = CultureInfo.GetCultureInfo(tag).DisplayName;
            return name.Length == 0 ? tag : ui.TextInfo.ToUpper(name[0]) + name[1..];
        }
        catch (CultureNotFoundException) { return tag; }
    }

    public static string Format(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPEG",
        "image/png" => "PNG",
        _ => contentType,
    };

    /// <summary>Decimal units, as file sizes are usually quoted: 930 kB, 2.4 MB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1000 => $"{bytes} bytes",
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (long)Math.Round(bytes / 1000.0))} kB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_000_000.0:0.#} MB"),
    };

    /// <summary>The same in the current culture's numbers and units: "2,4 МБ".</summary>
    public static string Size(long bytes, IStringLocalizer<PublicText> text) => bytes switch
    {
        < 1000 => text["Size.Bytes", bytes],
        < 1_000_000 => text["Size.Kilobytes", Math.Max(1, (long)Math.Round(bytes / 1000.0))],
        _ => text["Size.Megabytes", (bytes / 1_000_000.0).ToString("0.#", CultureInfo.CurrentCulture)],
    };
}
