using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CellTherapyCenter.Web.Infrastructure.Localization;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Tests.PublicSite;

/// <summary>
/// The translations, read from the resx files in the source tree: every English resource has a
/// file for each other language with exactly its keys, none empty, and the same placeholders; and
/// the built app finds each of them (a satellite assembly per language, named after its class).
/// </summary>
public sealed partial class ResourceFileTests
{
    private static readonly string[] Translations = SiteLanguages.All.Where(l => l != SiteLanguages.English).Select(l => l.Culture).ToArray();

    private static string WebProject => RepositoryRoot.WebProject;

    /// <summary>Resx files without a culture in their name: the English ones.</summary>
    private static IEnumerable<string> EnglishResourceFiles =>
        new[] { "Features", "Infrastructure" }.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(WebProject, folder), "*.resx", SearchOption.AllDirectories))
            .Where(f => !Path.GetFileNameWithoutExtension(f).Contains('.')).Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(WebProject, f));

    public static TheoryData<string> EnglishResources => [.. EnglishResourceFiles];

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static string WithCulture(string englishFile, string culture) => Path.ChangeExtension(englishFile, null) + "." + culture + ".resx";

    [Fact]
    public void The_public_site_has_its_resources()
    {
        var files = EnglishResourceFiles.ToList();
        foreach (var expected in new[] { "PublicSite/PublicText.resx" })
            Assert.Contains(Path.Combine("Features", expected), files);
    }

    [Theory]
    [MemberData(nameof(EnglishResources))]
    public void Every_key_is_translated_into_every_language_with_the_same_placeholders(string resource)
    {
        var english = Read(Path.Combine(WebProject, resource));
        Assert.NotEmpty(english);
        Assert.All(english, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{resource}: {e.Key} is empty in English"));
        foreach (var culture in Translations)
        {
            var file = WithCulture(Path.Combine(WebProject, resource), culture);
            Assert.True(File.Exists(file), $"{resource} has no {culture} translation ({Path.GetFileName(file)})");
            var translated = Read(file);
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, value) in translated)
            {
                Assert.False(string.IsNullOrWhiteSpace(value), $"{resource}: {key} is empty in {culture}");
                Assert.True(Placeholders(english[key]).SetEquals(Placeholders(value)),
                    $"{resource}: {key} in {culture} has placeholders {string.Join(",", Placeholders(value))}, English {string.Join(",", Placeholders(english[key]))}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(EnglishResources))]
    public void The_built_app_finds_every_translation(string resource)
    {
        // Features/PublicSite/PublicText.resx belongs to CellTherapyCenter.Web.Features.PublicSite.PublicText.
        var typeName = "CellTherapyCenter.Web." + Path.ChangeExtension(resource, null).Replace(Path.DirectorySeparatorChar, '.');
        var type = typeof(SiteLanguages).Assembly.GetType(typeName);
        Assert.True(type is not null, $"{resource} has no class {typeName} for IStringLocalizer<T>");
        var localizer = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(type);
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var language in SiteLanguages.All)
            {
                var file = language == SiteLanguages.English ? Path.Combine(WebProject, resource) : WithCulture(Path.Combine(WebProject, resource), language.Culture);
                var expected = Read(file);
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language.Culture);
                foreach (var (key, value) in expected)
                {
                    var found = localizer[key];
                    Assert.False(found.ResourceNotFound, $"{key} not found in {language.Culture}");
                    Assert.Equal(value, found.Value);
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Date_formats_are_valid_in_their_language()
    {
        var resource = Path.Combine(WebProject, "Features", "PublicSite", "PublicText.resx");
        foreach (var language in SiteLanguages.All)
        {
            var texts = Read(language == SiteLanguages.English ? resource : WithCulture(resource, language.Culture));
            var culture = CultureInfo.GetCultureInfo(language.Culture);
            var date = new DateTime(2026, 11, 5, 14, 30, 0).ToString(texts["Format.DateTime"], culture);
            Assert.Contains("2026", date);
            Assert.Contains("14:30", date);
            Assert.Contains("2026", new DateTime(2026, 11, 5).ToString(texts["Format.Date"], culture));
        }
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
