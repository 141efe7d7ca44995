using PdfSharp.Pdf.IO;
using SkiaSharp;

namespace CellTherapyCenter.Web.Infrastructure.Uploads;

/// <summary>
/// Accepts an uploaded document only when its whole structure is what its first bytes claim: a
/// PDF must open with PDFsharp (header, cross-reference table and trailer, at least one page), a
/// JPEG or PNG must decode completely. The leading bytes alone prove nothing: "%PDF-" followed by
/// an HTML page is a web page to any browser that sniffs it, and such a file is refused here.
/// </summary>
public static class DocumentCheck
{
    /// <summary>Images larger than this (in pixels) are refused rather than decoded: a scan of an A4 page at 600 dpi is about 35 million.</summary>
    public const long MaxImagePixels = 80_000_000;

    /// <summary>The document's kind when its whole content is a well-formed document of that kind; null otherwise.</summary>
    public static DocumentKind? Inspect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return FileSignature.Recognise(content.AsSpan(0, Math.Min(content.Length, FileSignature.HeaderLength))) switch
        {
            DocumentKind.Pdf when IsPdf(content) => DocumentKind.Pdf,
            DocumentKind.Jpeg when IsImage(content, SKEncodedImageFormat.Jpeg) => DocumentKind.Jpeg,
            DocumentKind.Png when IsImage(content, SKEncodedImageFormat.Png) => DocumentKind.Png,
            _ => null,
        };
    }

    /// <summary>The name a document is stored and served under, rebuilt from what was detected (never the sender's name): "document-3.pdf".</summary>
    public static string StoredName(int number, DocumentKind kind) =>
        $"document-{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{Extension(kind)}";

    /// <summary>
    /// A published file's name: the stem of the name it was sent with, reduced to letters, digits,
    /// '-' and '_', and the extension of the detected type ("Smith 2021.html" as a PDF: "Smith-2021.pdf").
    /// </summary>
    public static string PublishedName(string? sentName, DocumentKind kind)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName((sentName ?? "").Replace('\\', '/')));
        var words = new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var clean = string.Join('-', words);
        if (clean.Length > 100) clean = clean[..100];
        return (clean.Length == 0 ? "document" : clean) + "." + Extension(kind);
    }

    public static string Extension(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "pdf",
        DocumentKind.Jpeg => "jpg",
        DocumentKind.Png => "png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static bool IsPdf(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
            return document.PageCount > 0;
        }
        // PDFsharp reports a damaged or foreign file with several exception types (its own reader
        // exceptions, format, argument, invalid-operation and index errors); none of them may pass.
#pragma warning disable CA1031
        catch (Exception)
        {
            return false;
        }
#pragma warning restore CA1031
    }

    private static bool IsImage(byte[] content, SKEncodedImageFormat expected)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != expected) return false;
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxImagePixels) return false;
        using var bitmap = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        // Every row must decode: a truncated or corrupt image gives IncompleteInput or an error.
        return codec.GetPixels(bitmap.Info, bitmap.GetPixels()) == SKCodecResult.Success;
    }
}
