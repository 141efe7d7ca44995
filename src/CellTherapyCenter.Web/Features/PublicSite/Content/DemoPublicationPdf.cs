using CellTherapyCenter.Web.Infrastructure;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CellTherapyCenter.Web.Features.PublicSite.Content;

/// <summary>
/// The demo database's example publication, drawn with PDFsharp at seeding time (no binary in the
/// repository). Its text says plainly that it is an example.
/// </summary>
public static class DemoPublicationPdf
{
    public static byte[] Create()
    {
        // The shipped faces, so that seeding works on a machine with no fonts installed.
        PdfFonts.Ensure();
        using var document = new PdfDocument();
        document.Info.Title = "Example publication (synthetic demo data)";
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var title = new XFont(PdfFonts.Embedded, 20, XFontStyleEx.Bold);
            var body = new XFont(PdfFonts.Embedded, 12, XFontStyleEx.Regular);
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
}
