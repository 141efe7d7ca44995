using Markdig;
using Microsoft.AspNetCore.Html;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>
/// Renders the Markdown that administrators write for the public pages. Raw HTML in it is shown
/// as text, never passed through, so an edit cannot add script or break the layout.
/// </summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .Build();

    public static IHtmlContent ToHtml(string? markdown) =>
        new HtmlString(string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToHtml(markdown, Pipeline));
}
