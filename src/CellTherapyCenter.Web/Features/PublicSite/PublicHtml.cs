using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>
/// Sentences whose translation holds a link or a badge: the translated text is encoded like any
/// text, and only the placeholders (<c>{0}</c>, <c>{1}</c>) take the HTML built in the view, so
/// the word order stays the translator's and no resource can inject markup.
/// </summary>
public static partial class PublicHtml
{
    public static IHtmlContent Format(string template, params IHtmlContent[] parts)
    {
        var html = new HtmlContentBuilder();
        var at = 0;
        foreach (Match m in Placeholder().Matches(template))
        {
            html.Append(template[at..m.Index]);
            html.AppendHtml(parts[int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)]);
            at = m.Index + m.Length;
        }
        html.Append(template[at..]);
        return html;
    }

    /// <summary>A link; <paramref name="lang"/> marks text that is not in the page's language.</summary>
    public static IHtmlContent Link(string href, string text, string? className = null, string? lang = null) =>
        Element("a", text, ("class", className), ("href", href), ("lang", lang));

    public static IHtmlContent Span(string text, string className) => Element("span", text, ("class", className));

    public static IHtmlContent Strong(string text, string? className = null) => Element("strong", text, ("class", className));

    // Text and attribute values are encoded when the page is written, by the app's encoder.
    private static IHtmlContentBuilder Element(string name, string text, params (string Name, string? Value)[] attributes)
    {
        IHtmlContentBuilder html = new HtmlContentBuilder();
        html.AppendHtml("<" + name);
        foreach (var (attribute, value) in attributes)
            if (value is not null) html.AppendHtml($" {attribute}=\"").Append(value).AppendHtml("\"");
        return html.AppendHtml(">").Append(text).AppendHtml($"</{name}>");
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
