using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Tests.Portal;

/// <summary>
/// The portal's words in Ukrainian and Serbian (Latin): PortalText.uk.resx and PortalText.sr-Latn.resx
/// have exactly the English keys, no empty value, the same {n} placeholders, the right script, and
/// the compiled satellite assemblies answer for each culture instead of falling back to English.
/// </summary>
public sealed partial class PortalTextTests
{
    private const string Folder = "src/CellTherapyCenter.Web/Features/Portal";
    public static TheoryData<string> Translations => new() { "uk", "sr-Latn" };

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\u0400-\u04FF\u0500-\u052F]")]
    private static partial Regex Cyrillic();

    /// <summary>The entries of PortalText.resx (culture null) or PortalText.{culture}.resx, in file order.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> Read(string? culture)
    {
        var file = Path.Combine(RepositoryRoot.Path, Folder, culture is null ? "PortalText.resx" : $"PortalText.{culture}.resx");
        Assert.True(File.Exists(file), $"{file} is missing.");
        return XDocument.Load(file).Root!.Elements("data")
            .Select(d => KeyValuePair.Create((string)d.Attribute("name")!, (string?)d.Element("value") ?? ""))
            .ToList();
    }

    private static SortedSet<int> Placeholders(string value) =>
        new(Placeholder().Matches(value).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translation_has_exactly_the_english_keys(string culture)
    {
        var english = Read(null).Select(e => e.Key).ToList();
        var translated = Read(culture).Select(e => e.Key).ToList();
        Assert.Equal(english.Count, english.Distinct().Count());
        Assert.Equal(translated.Count, translated.Distinct().Count());
        Assert.Empty(english.Except(translated));   // missing in the translation
        Assert.Empty(translated.Except(english));   // unknown to English
    }

    [Fact]
    public void No_value_is_empty_in_any_language()
    {
        var empty = new[] { (string?)null, "uk", "sr-Latn" }
            .SelectMany(c => Read(c).Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{c ?? "en"}: {e.Key}"))
            .ToList();
        Assert.Empty(empty);
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translation_keeps_every_placeholder_and_adds_none(string culture)
    {
        var english = Read(null).ToDictionary(e => e.Key, e => e.Value);
        var wrong = Read(culture)
            .Where(e => english.ContainsKey(e.Key) && !Placeholders(e.Value).SetEquals(Placeholders(english[e.Key])))
            .Select(e => $"{e.Key}: en {{{string.Join(",", Placeholders(english[e.Key]))}}}, {culture} {{{string.Join(",", Placeholders(e.Value))}}}")
            .ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Invitation_email_keeps_its_paragraphs()
    {
        int Lines(string? culture) => Read(culture).Single(e => e.Key == "Invitation.Body").Value.Split('\n').Length;
        Assert.Equal(Lines(null), Lines("uk"));
        Assert.Equal(Lines(null), Lines("sr-Latn"));
    }

    [Fact]
    public void Serbian_is_in_latin_script_with_its_diacritics()
    {
        var entries = Read("sr-Latn");
        Assert.Empty(entries.Where(e => Cyrillic().IsMatch(e.Value)).Select(e => e.Key));
        Assert.Contains(entries, e => e.Value.IndexOfAny(['č', 'ć', 'š', 'ž', 'đ', 'Č', 'Ć', 'Š', 'Ž', 'Đ']) >= 0);
    }

    [Fact]
    public void Ukrainian_uses_ukrainian_letters_and_no_russian_only_letters()
    {
        var entries = Read("uk");
        var all = string.Concat(entries.Select(e => e.Value));
        Assert.True(all.IndexOfAny(['і', 'ї', 'є', 'І', 'Ї', 'Є']) >= 0, "No і, ї or є anywhere: is this Ukrainian?");
        Assert.Empty(entries.Where(e => e.Value.IndexOfAny(['ы', 'э', 'ъ', 'ё', 'Ы', 'Э', 'Ъ', 'Ё']) >= 0).Select(e => e.Key));
    }

    [Theory]
    [InlineData("uk")]
    [InlineData("sr-Latn")]
    public void Compiled_resources_answer_in_each_language(string culture)
    {
        var localizer = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)
            .Create(typeof(PortalText));
        string[] keys = ["Home.Start", "Nav.SignOut", "Portal.Name", "Review.Send", "Questionnaire.Progress"];
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var english = keys.ToDictionary(k => k, k => localizer[k]);
            Assert.All(english.Values, s => Assert.False(s.ResourceNotFound, $"{s.Name} not found in English"));

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            foreach (var key in keys)
            {
                var translated = localizer[key];
                Assert.False(translated.ResourceNotFound, $"{key} not found for {culture}");
                Assert.NotEqual(english[key].Value, translated.Value);
            }
            var progress = localizer["Questionnaire.Progress", 3, 12].Value;
            Assert.Contains("3", progress);
            Assert.Contains("12", progress);
            Assert.NotEqual("Question 3 of 12", progress);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
