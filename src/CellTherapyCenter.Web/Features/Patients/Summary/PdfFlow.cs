using CellTherapyCenter.Web.Infrastructure;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CellTherapyCenter.Web.Features.Patients.Summary;

/// <summary>
/// Text, facts, tables and pictures flowing down A4 pages with PDFsharp, which draws but does not
/// lay out. Nothing is cut by a page end: a block that does not fit starts the next page, a heading
/// keeps room for what follows it, and a table that continues repeats its caption and header row.
/// Page furniture (running header, footer with page numbers) is drawn after the flow, when the
/// number of pages is known.
/// </summary>
internal sealed class PdfFlow : IDisposable
{
    public const double PageWidth = 595.28, PageHeight = 841.89;
    public const double Left = 48, Right = 48, Top = 64, Bottom = 72;
    private const double CellPadding = 3;

    private readonly PdfDocument _document;
    private XGraphics _gfx = null!;
    private double _y;
    private bool _finished;

    public PdfFlow(PdfDocument document)
    {
        _document = document;
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        Body = new XFont(PdfFonts.Sans, 9.5, XFontStyleEx.Regular, options);
        Bold = new XFont(PdfFonts.Sans, 9.5, XFontStyleEx.Bold, options);
        Small = new XFont(PdfFonts.Sans, 8, XFontStyleEx.Regular, options);
        Heading = new XFont(PdfFonts.Sans, 12.5, XFontStyleEx.Bold, options);
        Title = new XFont(PdfFonts.Sans, 17, XFontStyleEx.Bold, options);
        NewPage();
    }

    public XFont Body { get; }
    public XFont Bold { get; }
    public XFont Small { get; }
    public XFont Heading { get; }
    public XFont Title { get; }
    public static double ContentWidth => PageWidth - Left - Right;

    private double Remaining => PageHeight - Bottom - _y;

    public void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _gfx = XGraphics.FromPdfPage(page);
        _y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one (or the page is empty).</summary>
    private void KeepRoom(double height)
    {
        if (height > Remaining && _y > Top) NewPage();
    }

    public void Space(double height) => _y = Math.Min(_y + height, PageHeight - Bottom);

    public static double LineHeight(XFont font) => font.GetHeight() * 1.1;

    /// <summary>A line of text at the cursor, in one piece, with room kept for <paramref name="keepWithNext"/> after it.</summary>
    public void Line(string text, XFont font, double keepWithNext = 0)
    {
        foreach (var line in Wrap(text, font, ContentWidth))
        {
            KeepRoom(LineHeight(font) + keepWithNext);
            _gfx.DrawString(line, font, XBrushes.Black, new XRect(Left, _y, ContentWidth, LineHeight(font)), XStringFormats.TopLeft);
            _y += LineHeight(font);
        }
    }

    /// <summary>A section heading with a rule under it, kept on the page with at least <paramref name="keepWithNext"/> points of what follows.</summary>
    public void SectionHeading(string text, double keepWithNext = 60)
    {
        var height = LineHeight(Heading) + 6;
        Space(10);
        KeepRoom(height + keepWithNext);
        _gfx.DrawString(text, Heading, XBrushes.Black, new XRect(Left, _y, ContentWidth, LineHeight(Heading)), XStringFormats.TopLeft);
        _y += LineHeight(Heading) + 2;
        _gfx.DrawLine(new XPen(XColors.Black, 0.6), Left, _y, Left + ContentWidth, _y);
        _y += 4;
    }

    /// <summary>Label and value pairs in two columns; a long value wraps under itself, and a pair is never split.</summary>
    public void Facts(IEnumerable<(string Label, string Value)> facts, double labelWidth = 150)
    {
        var valueWidth = ContentWidth - labelWidth;
        foreach (var (label, value) in facts)
        {
            var lines = Wrap(value, Body, valueWidth);
            var height = Math.Max(lines.Count, 1) * LineHeight(Body) + 1.5;
            KeepRoom(height);
            _gfx.DrawString(label, Bold, XBrushes.Black, new XRect(Left, _y, labelWidth - 8, LineHeight(Body)), XStringFormats.TopLeft);
            for (var i = 0; i < lines.Count; i++)
                _gfx.DrawString(lines[i], Body, XBrushes.Black, new XRect(Left + labelWidth, _y + i * LineHeight(Body), valueWidth, LineHeight(Body)), XStringFormats.TopLeft);
            _y += height;
        }
    }

    public sealed record Column(string Header, double Width, bool AlignRight = false);

    /// <summary>
    /// A table: caption, header row, rows. A row is never split; when the next row does not fit,
    /// the table goes on on the next page under its caption "(continued)" and the header row again.
    /// Column widths are relative and fill the page width.
    /// </summary>
    public void Table(string caption, IReadOnlyList<Column> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var total = columns.Sum(c => c.Width);
        var widths = columns.Select(c => c.Width / total * ContentWidth).ToArray();
        var header = columns.Select(c => c.Header).ToList();
        var headerHeight = RowHeight(header, widths, Bold);
        var first = rows.Count > 0 ? RowHeight(rows[0], widths, Body) : 0;

        KeepRoom(LineHeight(Bold) + headerHeight + first);
        DrawCaptionAndHeader(caption);
        foreach (var row in rows)
        {
            var height = RowHeight(row, widths, Body);
            if (height > Remaining)
            {
                NewPage();
                DrawCaptionAndHeader(caption + " (continued)");
            }
            DrawRow(row, widths, columns, Body, height, shaded: false);
        }
        _y += 6;

        void DrawCaptionAndHeader(string text)
        {
            _gfx.DrawString(text, Bold, XBrushes.Black, new XRect(Left, _y, ContentWidth, LineHeight(Bold)), XStringFormats.TopLeft);
            _y += LineHeight(Bold) + 2;
            DrawRow(header, widths, columns, Bold, headerHeight, shaded: true);
        }
    }

    private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font) =>
        cells.Select((text, i) => Wrap(text, font, widths[i] - 2 * CellPadding).Count).DefaultIfEmpty(1).Max() * LineHeight(font) + 2 * CellPadding;

    private void DrawRow(IReadOnlyList<string> cells, double[] widths, IReadOnlyList<Column> columns, XFont font, double height, bool shaded)
    {
        if (shaded) _gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 235, 235)), Left, _y, ContentWidth, height);
        var x = Left;
        for (var i = 0; i < cells.Count && i < widths.Length; i++)
        {
            var lines = Wrap(cells[i], font, widths[i] - 2 * CellPadding);
            for (var l = 0; l < lines.Count; l++)
            {
                var rect = new XRect(x + CellPadding, _y + CellPadding + l * LineHeight(font), widths[i] - 2 * CellPadding, LineHeight(font));
                _gfx.DrawString(lines[l], font, XBrushes.Black, rect, columns[i].AlignRight ? XStringFormats.TopRight : XStringFormats.TopLeft);
            }
            x += widths[i];
        }
        _y += height;
        _gfx.DrawLine(new XPen(XColor.FromArgb(150, 150, 150), 0.4), Left, _y, Left + ContentWidth, _y);
    }

    /// <summary>A picture at the full content width (or narrower), on one page.</summary>
    public void Image(byte[] png, string? caption = null)
    {
        using var stream = new MemoryStream(png);
        using var image = XImage.FromStream(stream);
        var width = ContentWidth;
        var height = width * image.PixelHeight / image.PixelWidth;
        KeepRoom(height + (caption is null ? 0 : LineHeight(Small) + 2));
        _gfx.DrawImage(image, Left, _y, width, height);
        _y += height + 2;
        if (caption is not null)
        {
            _gfx.DrawString(caption, Small, XBrushes.Black, new XRect(Left, _y, ContentWidth, LineHeight(Small)), XStringFormats.TopLeft);
            _y += LineHeight(Small);
        }
        _y += 4;
    }

    /// <summary>Ends the flow, lets <paramref name="decorate"/> draw on each page (graphics, page number, page count) and returns the file.</summary>
    public byte[] Finish(Action<XGraphics, int, int> decorate)
    {
        _gfx.Dispose();
        _finished = true;
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            decorate(gfx, i + 1, count);
        }
        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Breaks text into lines that fit <paramref name="width"/>: at spaces, and inside a word only when the word alone is too long.</summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Fits(candidate)) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (!Fits(line) && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && !Fits(line[..cut])) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;

        bool Fits(string s) => _gfx.MeasureString(s, font).Width <= width;
    }

    public void Dispose()
    {
        if (!_finished) _gfx?.Dispose();
    }
}
