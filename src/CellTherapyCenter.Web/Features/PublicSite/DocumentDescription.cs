using System.Globalization;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>How a document is described before download: "English, PDF, 930 kB".</summary>
public static class DocumentDescription
{
    public static string Of(string languageTag, string contentType, long sizeBytes) =>
        $"{Language(languageTag)}, {Format(contentType)}, {Size(sizeBytes)}";

    public static string Language(string tag)
    {
        try { return CultureInfo.GetCultureInfo(tag).EnglishName; }
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
}
