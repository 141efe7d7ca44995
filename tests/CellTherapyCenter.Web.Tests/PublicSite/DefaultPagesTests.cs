using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Infrastructure.Localization;

namespace CellTherapyCenter.Web.Tests.PublicSite;

/// <summary>The pages a new site starts with: every page in every language, each written in its own language and script.</summary>
public sealed class DefaultPagesTests
{
    [Fact]
    public void Every_page_has_one_version_in_every_language()
    {
        foreach (var slug in DefaultPages.Slugs)
            foreach (var language in SiteLanguages.All)
                Assert.Single(DefaultPages.All, p => p.Slug == slug && p.Language == language.Culture);
        Assert.Equal(DefaultPages.Slugs.Count * SiteLanguages.All.Count, DefaultPages.All.Count);
        Assert.All(DefaultPages.All, p => Assert.False(string.IsNullOrWhiteSpace(p.Title) || string.IsNullOrWhiteSpace(p.Summary) || string.IsNullOrWhiteSpace(p.BodyMarkdown)));
    }

    [Fact]
    public void The_translations_are_not_english_and_keep_the_englishs_links()
    {
        foreach (var page in DefaultPages.All.Where(p => p.Language != "en"))
        {
            var english = DefaultPages.For(page.Slug);
            Assert.NotEqual(english.Title, page.Title);
            Assert.NotEqual(english.BodyMarkdown, page.BodyMarkdown);
            var links = System.Text.RegularExpressions.Regex.Matches(english.BodyMarkdown, @"\]\((/[^)]*)\)").Select(m => m.Groups[1].Value);
            foreach (var link in links) Assert.Contains($"]({link})", page.BodyMarkdown);
        }
    }

    [Fact]
    public void Ukrainian_is_written_with_ukrainian_letters_and_serbian_in_latin_script_with_its_diacritics()
    {
        var uk = string.Concat(DefaultPages.All.Where(p => p.Language == "uk").Select(p => p.Title + p.Summary + p.BodyMarkdown));
        Assert.DoesNotContain(uk, c => "ыэъёЫЭЪЁ".Contains(c)); // Russian letters Ukrainian does not use
        Assert.Contains(uk, c => "іїєґ".Contains(c));
        var sr = string.Concat(DefaultPages.All.Where(p => p.Language == "sr-Latn").Select(p => p.Title + p.Summary + p.BodyMarkdown));
        Assert.DoesNotContain(sr, c => c is >= '\u0400' and <= '\u04FF');
        foreach (var letter in "čćšž") Assert.Contains(letter, sr);
    }

    [Fact]
    public void For_falls_back_to_english()
    {
        Assert.Equal("uk", DefaultPages.For("home", "uk").Language);
        Assert.Equal("en", DefaultPages.For("home", "de").Language);
    }
}
