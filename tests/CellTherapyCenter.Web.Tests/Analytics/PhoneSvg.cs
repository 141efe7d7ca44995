using System.Globalization;
using System.Xml.Linq;

namespace CellTherapyCenter.Web.Tests.Analytics;

/// <summary>Reads a phone drawing: its view box and the size its text has when shown in a 360 px phone's content column.</summary>
internal static class PhoneSvg
{
    /// <summary>The content column of the staff layout on a 360 px phone, in CSS px (the browser test measures the page itself).</summary>
    public const double ColumnWidth = 328;

    public static (double Width, double Height, double SmallestTextPx, int Texts) Read(byte[] svg)
    {
        var root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(svg)).Root!;
        Assert.Equal("svg", root.Name.LocalName);
        var box = root.Attribute("viewBox")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var sizes = root.Descendants().Where(e => e.Name.LocalName == "text" && e.Value.Trim().Length > 0)
            .Select(e => double.Parse(e.Attribute("font-size")!.Value, CultureInfo.InvariantCulture)).ToList();
        // Shown no wider than the column, and never wider than drawn (the page's CSS: max-width 100%).
        var scale = Math.Min(1, ColumnWidth / box[2]);
        return (box[2], box[3], sizes.DefaultIfEmpty(0).Min() * scale, sizes.Count);
    }
}
