using CellTherapyCenter.Web.Features.PublicSite;

namespace CellTherapyCenter.Web.Tests.PublicSite;

/// <summary>What an administrator's Markdown may link to: this site, http(s) and mailto; never script or data.</summary>
public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("[Open](javascript:alert(1))")]
    [InlineData("[Open](JaVaScRiPt:alert(1))")]
    [InlineData("[Open](vbscript:msgbox(1))")]
    [InlineData("[Open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![Open](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)")]
    [InlineData("[Open][1]\n\n[1]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    public void A_link_to_script_or_data_keeps_its_text_and_loses_its_address(string markdown)
    {
        var html = MarkdownText.ToHtml(markdown).ToString()!;

        Assert.DoesNotContain("href=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.Matches("Open|javascript:alert", html);
    }

    [Theory]
    [InlineData("[ALS](/als)", "href=\"/als\"")]
    [InlineData("[Top](#top)", "href=\"#top\"")]
    [InlineData("[Paper](https://example.org/paper?id=1:2)", "href=\"https://example.org/paper?id=1:2\"")]
    [InlineData("[Write](mailto:clinic@example.org)", "href=\"mailto:clinic@example.org\"")]
    [InlineData("See https://example.org today", "href=\"https://example.org\"")]
    [InlineData("[Time](/schedule/10:30)", "href=\"/schedule/10:30\"")]
    public void Links_to_this_site_the_web_and_mail_stay(string markdown, string expected)
    {
        Assert.Contains(expected, MarkdownText.ToHtml(markdown).ToString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_is_still_text()
    {
        var html = MarkdownText.ToHtml("<script>alert(1)</script> and **bold**").ToString()!;
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
    }
}
