using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace CellTherapyCenter.Web.Features.PublicSite.Content;

/// <summary>
/// The demo database's example publication, drawn with PDFsharp at seeding time (no binary in the
/// repository). Its text says plainly that it is an example.
/// </summary>
public static class DemoPublicationPdf
{
    private static readonly Lock FontSetup = new();

    public static byte[] Create()
    {
        EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = "Example publication (synthetic demo data)";
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var title = new XFont(EmbeddedFonts.Family, 20, XFontStyleEx.Bold);
            var body = new XFont(EmbeddedFonts.Family, 12, XFontStyleEx.Regular);
            var y = 80.0;
            gfx.DrawString("Fetal stem cells in amyotrophic lateral sclerosis", title, XBrushes.Black, new XPoint(60, y));
            y += 40;
            foreach (var line in new[]
            {
                "EXAMPLE DOCUMENT - generated for the CellTherapyCenter demo database.",
                "It stands in for the clinic's poster and contains no results.",
                "",
                "The real poster reports a series of 62 patients treated with fetal stem cells.",
                "Any figure about treated patients must be read beside the natural history",
                "of ALS and the results of controlled trials (see the outcomes page).",
            })
            {
                gfx.DrawString(line, body, XBrushes.Black, new XPoint(60, y));
                y += 20;
            }
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void EnsureFonts()
    {
        lock (FontSetup)
        {
            // PDFsharp needs font files to measure and embed text. It uses the fonts it ships
            // (PdfSharp.WPFonts) so that seeding works on a machine with no fonts installed.
            GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
        }
    }

    private sealed class EmbeddedFonts : IFontResolver
    {
        public const string Family = "Segoe WP";

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "SegoeWP-Bold" : "SegoeWP");

        public byte[]? GetFont(string faceName) =>
            faceName == "SegoeWP-Bold" ? PdfSharp.WPFonts.FontDataHelper.SegoeWPBold : PdfSharp.WPFonts.FontDataHelper.SegoeWP;
    }
}
