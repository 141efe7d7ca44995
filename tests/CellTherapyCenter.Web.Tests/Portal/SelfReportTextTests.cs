using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Web.Features.Portal.SelfReport;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Tests.Portal;

/// <summary>
/// The self-report texts in every site language, read as the portal reads them (through the
/// localizer and the compiled satellite assemblies) and as a reviewer edits them (the resx files,
/// copied next to the tests by the test project).
/// </summary>
public sealed partial class SelfReportTextTests
{
    public static TheoryData<string> Cultures => ["en", "uk", "sr-Latn"];

    public static TheoryData<string> Translations => ["uk", "sr-Latn"];

    private static readonly ResourceManagerStringLocalizerFactory Factory =
        new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    private static IStringLocalizer<SelfReportText> Localizer() => new StringLocalizer<SelfReportText>(Factory);

    private static SelfReportText Text() => new(Localizer());

    /// <summary>Every question as the patient meets it: items 1 to 12, item 5 as 5a and as 5b.</summary>
    private static IEnumerable<(AlsfrsRItem Item, CuttingFoodVersion Version)> AskedItems() =>
        AlsfrsRItems.All.SelectMany(item => item == AlsfrsRItem.CuttingFood
            ? new[] { (item, CuttingFoodVersion.WithoutGastrostomy5a), (item, CuttingFoodVersion.WithGastrostomy5b) }
            : [(item, CuttingFoodVersion.WithoutGastrostomy5a)]);

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private static string ResxPath(string culture) => Path.Combine(AppContext.BaseDirectory, "SelfReportResources",
        culture == "en" ? "SelfReportText.resx" : $"SelfReportText.{culture}.resx");

    private sealed record Entry(string Value, string? Comment);

    /// <summary>The entries of a resx file by key (a duplicate key fails here, as it would fail the build).</summary>
    private static Dictionary<string, Entry> ReadResx(string culture) =>
        XDocument.Load(ResxPath(culture)).Root!.Elements("data").ToDictionary(
            d => (string)d.Attribute("name")!,
            d => new Entry((string?)d.Element("value") ?? "", (string?)d.Element("comment")));

    private static bool IsAlsfrsR(string key) => key.StartsWith("Item", StringComparison.Ordinal) || key.StartsWith("Gastrostomy.", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_item_has_a_question_and_five_distinct_answers(string culture)
    {
        var text = Text();
        foreach (var (item, version) in AskedItems())
        {
            var number = AlsfrsRItems.Number(item, version);
            var (question, answers) = InCulture(culture, () => (text.Question(item, version), text.Answers(item, version)));
            Assert.False(string.IsNullOrWhiteSpace(question), $"item {number} has no question in {culture}");
            Assert.Equal(5, answers.Count);
            Assert.All(answers, a => Assert.False(string.IsNullOrWhiteSpace(a), $"item {number} has an empty answer in {culture}"));
            Assert.True(answers.Distinct(StringComparer.OrdinalIgnoreCase).Count() == 5, $"item {number} has two equal answers in {culture}: {string.Join(" | ", answers)}");
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Answers_are_indexed_by_score(string culture)
    {
        var localizer = Localizer();
        var text = new SelfReportText(localizer);
        foreach (var (item, version) in AskedItems())
        {
            var key = "Item" + AlsfrsRItems.Number(item, version);
            var (answers, byKey) = InCulture(culture, () => (
                text.Answers(item, version),
                Enumerable.Range(0, 5).Select(score => localizer[$"{key}.Answer{score}"].Value).ToList()));
            Assert.Equal(byKey, answers);
        }
    }

    [Fact]
    public void The_English_answers_run_from_score_0_to_score_4()
    {
        var answers = InCulture("en", () => Text().Answers(AlsfrsRItem.Speech, CuttingFoodVersion.WithoutGastrostomy5a));
        Assert.Equal("I speak normally.", answers[4]);
        Assert.Contains("no longer", answers[0], StringComparison.Ordinal);
        var withTube = InCulture("en", () => Text().Answers(AlsfrsRItem.CuttingFood, CuttingFoodVersion.WithGastrostomy5b));
        var withoutTube = InCulture("en", () => Text().Answers(AlsfrsRItem.CuttingFood, CuttingFoodVersion.WithoutGastrostomy5a));
        Assert.NotEqual(withoutTube[1], withTube[1]);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_change_aspect_and_every_rating_has_its_own_text(string culture)
    {
        var text = Text();
        var questions = InCulture(culture, () => Enum.GetValues<ChangeAspect>().Select(text.ChangeQuestion).ToList());
        var ratings = InCulture(culture, () => Enum.GetValues<ChangeRating>().Select(text.ChangeRating).ToList());
        Assert.All(questions, q => Assert.False(string.IsNullOrWhiteSpace(q)));
        Assert.Equal(questions.Count, questions.Distinct().Count());
        Assert.Equal(7, ratings.Count);
        Assert.All(ratings, r => Assert.False(string.IsNullOrWhiteSpace(r)));
        Assert.Equal(7, ratings.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void The_gastrostomy_question_yes_no_and_the_caregiver_note_have_text(string culture)
    {
        var text = Text();
        var texts = InCulture(culture, () => new[] { text.GastrostomyQuestion, text.GastrostomyHint, text.Yes, text.No, text.CaregiverNote });
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        Assert.NotEqual(texts[2], texts[3]);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void No_key_falls_back_to_its_name(string culture)
    {
        var localizer = Localizer();
        foreach (var key in ReadResx("en").Keys)
        {
            var value = InCulture(culture, () => localizer[key]);
            Assert.False(value.ResourceNotFound, $"{key} is not found in {culture}");
            // A dotted key never reads as text (the English for "Yes" and "No" is their key).
            if (key.Contains('.', StringComparison.Ordinal)) Assert.NotEqual(key, value.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void An_item_has_a_hint_exactly_where_the_English_has_one(string culture)
    {
        var english = ReadResx("en");
        var text = Text();
        foreach (var (item, version) in AskedItems())
        {
            var hasHint = english.ContainsKey($"Item{AlsfrsRItems.Number(item, version)}.Hint");
            var hint = InCulture(culture, () => text.Hint(item, version));
            Assert.True(hasHint == (hint is not null), $"item {AlsfrsRItems.Number(item, version)}: hint '{hint}' in {culture}");
        }
        Assert.Contains("BiPAP", InCulture(culture, () => text.Hint(AlsfrsRItem.RespiratoryInsufficiency, CuttingFoodVersion.WithoutGastrostomy5a)), StringComparison.Ordinal);
        Assert.Null(InCulture(culture, () => text.Hint(AlsfrsRItem.Speech, CuttingFoodVersion.WithoutGastrostomy5a)));
    }

    [Fact]
    public void Undefined_items_versions_aspects_and_ratings_are_refused()
    {
        var text = Text();
        Assert.Throws<ArgumentOutOfRangeException>(() => text.Question((AlsfrsRItem)13, CuttingFoodVersion.WithoutGastrostomy5a));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.Answers(AlsfrsRItem.CuttingFood, (CuttingFoodVersion)2));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.ChangeQuestion((ChangeAspect)6));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.ChangeRating((ChangeRating)0));
    }

    [Fact]
    public void The_English_file_covers_every_item_aspect_and_rating_and_nothing_else()
    {
        var expected = new List<string> { "Gastrostomy.Question", "Gastrostomy.Hint", "Yes", "No", "CaregiverNote" };
        foreach (var (item, version) in AskedItems())
        {
            var key = "Item" + AlsfrsRItems.Number(item, version);
            expected.Add($"{key}.Question");
            expected.AddRange(Enumerable.Range(0, 5).Select(score => $"{key}.Answer{score}"));
        }
        expected.AddRange(Enum.GetNames<ChangeAspect>().Select(a => $"Change.{a}"));
        expected.AddRange(Enum.GetNames<ChangeRating>().Select(r => $"Rating.{r}"));
        var keys = ReadResx("en").Keys.Where(k => !k.EndsWith(".Hint", StringComparison.Ordinal) || k == "Gastrostomy.Hint");
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_has_exactly_the_keys_of_the_English_file(string culture)
    {
        var english = ReadResx("en").Keys.ToHashSet();
        var translated = ReadResx(culture).Keys.ToHashSet();
        Assert.True(english.SetEquals(translated),
            $"{culture} lacks [{string.Join(", ", english.Except(translated))}] and has extra [{string.Join(", ", translated.Except(english))}]");
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_is_served_from_its_own_satellite_assembly(string culture)
    {
        var localizer = Localizer();
        // Only the culture's own resources, without falling back to English: a missing satellite assembly throws here.
        var own = InCulture(culture, () => localizer.GetAllStrings(includeParentCultures: false).ToList());
        Assert.Equal(ReadResx("en").Keys.Order(StringComparer.Ordinal), own.Select(s => s.Name).Order(StringComparer.Ordinal));
        var english = ReadResx("en");
        Assert.All(own.Where(s => IsAlsfrsR(s.Name)), s => Assert.NotEqual(english[s.Name].Value, s.Value));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_ALSFRS_R_entry_of_a_translation_states_its_clinical_review(string culture)
    {
        var entries = ReadResx(culture).Where(e => IsAlsfrsR(e.Key)).ToList();
        Assert.Equal(ReadResx("en").Keys.Count(IsAlsfrsR), entries.Count);
        Assert.All(entries, e => Assert.True(
            e.Value.Comment is { } comment && ReviewStatus().IsMatch(comment) && comment.Contains("back-translation \"", StringComparison.Ordinal),
            $"{culture} {e.Key}: the comment must begin 'CLINICAL REVIEW PENDING:' or 'Reviewed by <name>, <yyyy-mm-dd>' and give a back-translation, but is '{e.Value.Comment}'"));
    }

    [Fact]
    public void Serbian_is_written_in_Latin_script_with_its_diacritics()
    {
        var entries = ReadResx("sr-Latn");
        Assert.All(entries, e => Assert.False(Cyrillic().IsMatch(e.Value.Value + e.Value.Comment), $"sr-Latn {e.Key} contains Cyrillic: {e.Value.Value}"));
        var all = string.Concat(entries.Values.Select(e => e.Value));
        Assert.All(new[] { "č", "ć", "š", "ž", "đ" }, letter => Assert.Contains(letter, all));
    }

    [Fact]
    public void Ukrainian_is_Ukrainian_not_Russian()
    {
        var entries = ReadResx("uk");
        Assert.All(entries, e => Assert.True(Cyrillic().IsMatch(e.Value.Value), $"uk {e.Key} has no Cyrillic: {e.Value.Value}"));
        Assert.All(entries, e => Assert.False(RussianOnly().IsMatch(e.Value.Value), $"uk {e.Key} has a letter Ukrainian does not use (ы, э, ъ, ё): {e.Value.Value}"));
        var answers = string.Concat(entries.Where(e => e.Key.Contains(".Answer", StringComparison.Ordinal)).Select(e => e.Value.Value));
        Assert.All(new[] { "і", "ї", "є" }, letter => Assert.Contains(letter, answers));
    }

    [GeneratedRegex(@"^(CLINICAL REVIEW PENDING: \S|Reviewed by [^,]+, \d{4}-\d{2}-\d{2}\b)")]
    private static partial Regex ReviewStatus();

    [GeneratedRegex(@"[\u0400-\u052F]")]
    private static partial Regex Cyrillic();

    [GeneratedRegex("[ыЫэЭъЪёЁ]")]
    private static partial Regex RussianOnly();
}
