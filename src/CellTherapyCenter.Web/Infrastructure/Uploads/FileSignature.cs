namespace CellTherapyCenter.Web.Infrastructure.Uploads;

/// <summary>The kinds of document the site accepts, recognised by their content, never by name or declared type.</summary>
public enum DocumentKind
{
    Pdf,
    Jpeg,
    Png,
}

/// <summary>
/// Recognises an uploaded document by its leading bytes (the format's magic number), so that a
/// renamed executable or script sent as "report.pdf" is refused whatever its name and header say.
/// </summary>
public static class FileSignature
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    /// <summary>How many leading bytes <see cref="Recognise"/> needs.</summary>
    public const int HeaderLength = 8;

    public static DocumentKind? Recognise(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(PdfMagic)) return DocumentKind.Pdf;
        if (header.StartsWith(PngMagic)) return DocumentKind.Png;
        if (header.StartsWith(JpegMagic)) return DocumentKind.Jpeg;
        return null;
    }

    /// <summary>Reads the header of a stream and rewinds it (the stream must be seekable).</summary>
    public static async Task<DocumentKind?> RecogniseAsync(Stream content, CancellationToken ct = default)
    {
        var header = new byte[HeaderLength];
        var read = await content.ReadAtLeastAsync(header, HeaderLength, throwOnEndOfStream: false, ct);
        content.Position = 0;
        return Recognise(header.AsSpan(0, read));
    }

    public static string ContentType(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "application/pdf",
        DocumentKind.Jpeg => "image/jpeg",
        DocumentKind.Png => "image/png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The format's name as the site shows it, e.g. "PDF".</summary>
    public static string FormatName(DocumentKind kind) => kind.ToString().ToUpperInvariant();
}
