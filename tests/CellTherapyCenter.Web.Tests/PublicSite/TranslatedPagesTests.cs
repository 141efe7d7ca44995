using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CellTherapyCenter.Web.Tests.Infrastructure;

namespace CellTherapyCenter.Web.Tests.PublicSite;

/// <summary>
/// Each public page read in Ukrainian and in Serbian: its fixed parts are translated, and any
/// English left on it (the computed outcome figures, a page text with no version in the language)
/// is marked lang="en", so a screen reader reads it as English.
/// </summary>
public sealed class TranslatedPagesTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    public static TheoryData<string, string> PagesInEachLanguage
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var path in new[] { "/", "/als", "/treatment", "/outcomes", "/cases", "/publications", "/patents", "/contact", "/request-information" })
                foreach (var culture in new[] { "uk", "sr-Latn" })
                    data.Add(path, culture);
            return data;
        }
    }

    private async Task<IDocument> PageAsync(string path, string culture)
    {
        var separator = path.Contains('?') ? '&' : '?';
        var response = await _app.CreateClient().GetAsync($"{path}{separator}culture={culture}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = StaffSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        return page;
    }

    [Theory]
    [EveryDatabaseMemberData(nameof(PagesInEachLanguage))]
    public async Task No_unmarked_english_is_left_on_a_translated_page(DatabaseProvider database, string path, string culture)
    {
        _app = apps[database];
        var page = await PageAsync(path, culture);
        var english = EnglishText.Unmarked(page);
        Assert.True(english.Count == 0, $"{path} in {culture} has English not marked lang=\"en\":\n" + string.Join("\n", english));
    }

    [Theory, EveryDatabase]
    public async Task The_manifestations_indications_and_risks_are_translated(DatabaseProvider database)
    {
        _app = apps[database];
        var als = (await PageAsync("/als", "uk")).QuerySelectorAll("ol.manifestations li").Select(li => li.TextContent).ToList();
        Assert.Equal(13, als.Count);
        Assert.Contains("Фасцикуляції", als);
        Assert.Contains("Напади мимовільного сміху або плачу (псевдобульбарний афект)", als);
        var treatment = (await PageAsync("/treatment", "sr-Latn")).QuerySelector("main")!.TextContent;
        Assert.Contains("neurolog je potvrdio dijagnozu ALS-a;", treatment);
        Assert.Contains("otežano gutanje (disfagija);", treatment);
        Assert.Contains("sonda za ishranu uvedena u želudac (gastrostoma).", treatment);
    }

    [Theory, EveryDatabase]
    public async Task The_outcomes_page_translates_the_statements_the_cards_and_the_computed_figures(DatabaseProvider database)
    {
        _app = apps[database];
        var page = await PageAsync("/outcomes", "uk");
        var main = page.QuerySelector("main")!;
        Assert.Contains("Заява клініки:", main.TextContent);
        Assert.Equal("C1 · Після лікування пацієнти почуваються краще", main.QuerySelector("#claim-C1")?.TextContent);
        Assert.Contains("27,7 %", main.TextContent);
        Assert.Equal(8, main.QuerySelectorAll("section.claim p.answer").Length);
        // The method tables' measure names come from the library in English and are shown translated.
        var rows = main.QuerySelectorAll("section.claim-method tbody tr").ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Null(r.QuerySelector("[lang=en]")));
        Assert.Contains("Повідомлене покращення настрою", rows.Select(r => r.QuerySelector("th")!.TextContent));
        Assert.Contains("У реєстрі", main.QuerySelectorAll("th[scope=row]").Select(th => th.TextContent));
    }
}



/// <summary>Finds English left in a page in another language, outside elements marked with their own lang.</summary>
public static partial class EnglishText
{
    public static List<string> Unmarked(IDocument page)
    {
        var found = new List<string>();
        void Visit(INode node)
        {
            if (node is IElement { } element && element.HasAttribute("lang") && element != page.DocumentElement) return; // marked
            if (node.NodeType == NodeType.Text && EnglishWords().IsMatch(node.TextContent)) found.Add(node.TextContent.Trim());
            if (node is IElement e)
                foreach (var attribute in new[] { "aria-label", "alt", "title", "placeholder" })
                    if (e.GetAttribute(attribute) is { } value && EnglishWords().IsMatch(value)) found.Add($"{attribute}=\"{value}\"");
            foreach (var child in node.ChildNodes) Visit(child);
        }
        Visit(page.Body!);
        return found;
    }

    // English function words that do not occur in Ukrainian or Serbian text.
    [GeneratedRegex(@"\b(the|and|of|with|your|you|is|are|this|from|patients?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWords();
}
