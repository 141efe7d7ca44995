using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>
/// Renders the Markdown that administrators write for the public pages. Raw HTML in it is shown
/// as text, never passed through, so an edit cannot add script or break the layout. Links and
/// images keep only addresses on this site, http(s) and mailto: a <c>javascript:</c> or
/// <c>data:</c> address is dropped (the link stays as its text), not left to the CSP to stop.
/// </summary>
public static partial class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .Build();

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static IHtmlContent ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return HtmlString.Empty;
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsAllowed(l.Url)).ToList())
        {
            // The link's text takes its place: nothing to click, nothing lost to the reader.
            foreach (var child in link.ToList())
            {
                child.Remove();
                link.InsertBefore(child);
            }
            link.Remove();
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().Where(l => !IsAllowed(l.Url)).ToList())
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        // Numbers never break across lines: "9 500 євро", "+381 64 251 88 20" keep their spaces unbreakable.
        foreach (var literal in document.Descendants<LiteralInline>())
        {
            var text = literal.Content.ToString();
            var joined = NumberSpace().Replace(text, "\u00A0");
            if (joined != text) literal.Content = new Markdig.Helpers.StringSlice(joined);
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new HtmlString(writer.ToString());
    }

    /// <summary>A relative address (no scheme: "/als", "#top", "page") or one of the allowed schemes; control characters and whitespace that browsers strip are ignored when reading the scheme.</summary>
    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        var cleaned = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return true;
        // A colon after a '/', '?' or '#' is part of a path, query or fragment, not a scheme.
        var firstDelimiter = cleaned.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon) return true;
        var scheme = cleaned[..colon];
        return AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A space between two digits, or between a number and its currency or unit.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\d) (?=\d)|(?<=\d) (?=(EUR|RSD|UAH|€|євро|evra|evro|km|км|m|м|%)\b)|(?<=\b(EUR|€)) (?=\d)")]
    private static partial System.Text.RegularExpressions.Regex NumberSpace();
}
