using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;

namespace CellTherapyCenter.Browser.Tests.CrossPage;

/// <summary>
/// Tells English text on a Ukrainian or Serbian (Latin) page. A text is English when it holds a
/// common English function word that is not a word in either language, or when it is exactly an
/// English string of the app's own resources that this language translates to something else
/// (a label left untranslated). Words that are also Serbian ("to", "a", "i", "on", "do", "no",
/// "more", "me", "so", "but") are not on the list, and names, codes, numbers and addresses pass.
/// </summary>
public sealed partial class EnglishText
{
    /// <summary>English words that carry no meaning in Ukrainian (Cyrillic) or Serbian Latin, so one of them in a sentence is English.</summary>
    public static readonly IReadOnlySet<string> FunctionWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "with", "your", "you", "of", "is", "are", "for", "this", "that", "these", "those", "from", "not",
        "please", "was", "were", "been", "be", "has", "have", "had", "will", "would", "should", "could", "can", "cannot",
        "an", "or", "at", "by", "it", "its", "our", "we", "they", "their", "there", "here", "what", "when", "where",
        "which", "who", "why", "how", "about", "after", "before", "than", "only", "all", "any", "each", "into", "if",
        "may", "must", "yes", "also", "does", "did", "don't", "isn't", "it's", "you're", "we're", "there's",
        "out", "up", "over", "under", "between", "without", "within", "next", "back", "other", "less",
        "show", "send", "save", "sign", "read", "see", "open", "close", "change", "continue", "page", "my",
    };

    private readonly Dictionary<string, HashSet<string>> _untranslated;

    /// <param name="translated">Per culture: the English strings of the app's resources that the culture words differently.</param>
    public EnglishText(IReadOnlyDictionary<string, IReadOnlySet<string>> translated) =>
        _untranslated = translated.ToDictionary(p => p.Key, p => p.Value.Select(Normalize).Where(IsJudgeable).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// The detector with the English strings of every text class in the assembly (its *.resx):
    /// for each culture, those whose translation differs from the English and from every other
    /// string of that culture (so a word the culture keeps, such as "Status" in Serbian, is not one).
    /// </summary>
    public static EnglishText FromResources(Assembly assembly, IEnumerable<string> cultures)
    {
        var neutral = new List<(string BaseName, string Key, string English)>();
        var bases = assembly.GetManifestResourceNames().Where(n => n.EndsWith(".resources", StringComparison.Ordinal)).Select(n => n[..^".resources".Length]).ToList();
        foreach (var baseName in bases)
        {
            var set = new ResourceManager(baseName, assembly).GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false);
            if (set is null) continue;
            foreach (DictionaryEntry entry in set)
                if (entry.Value is string english) neutral.Add((baseName, (string)entry.Key, english));
        }
        var translated = new Dictionary<string, IReadOnlySet<string>>();
        foreach (var culture in cultures)
        {
            var info = CultureInfo.GetCultureInfo(culture);
            var words = new Dictionary<(string, string), string>();
            foreach (var baseName in bases)
            {
                var set = new ResourceManager(baseName, assembly).GetResourceSet(info, createIfNotExists: true, tryParents: false);
                if (set is null) continue;
                foreach (DictionaryEntry entry in set)
                    if (entry.Value is string text) words[(baseName, (string)entry.Key)] = Normalize(text);
            }
            var kept = words.Values.ToHashSet(StringComparer.Ordinal);
            translated[culture] = neutral
                .Where(n => words.TryGetValue((n.BaseName, n.Key), out var t) && t != Normalize(n.English) && !kept.Contains(Normalize(n.English)))
                .Select(n => n.English).ToHashSet(StringComparer.Ordinal);
        }
        return new EnglishText(translated);
    }

    /// <summary>Why the text is English on a page in the culture, or null when it is not.</summary>
    public string? Why(string text, string culture)
    {
        var normal = Normalize(text);
        if (_untranslated.TryGetValue(culture, out var untranslated) && untranslated.Contains(normal))
            return "an English string of the app left untranslated";
        var words = Words().Matches(normal).Select(m => m.Value.ToLowerInvariant()).ToList();
        var found = words.Where(w => FunctionWords.Contains(w)).Distinct().ToList();
        // One function word among mostly Cyrillic words (a name such as "Institute of ..." inside a
        // Ukrainian sentence) is not judged; in mostly Latin text, or two of them, it is.
        var latin = words.Count(w => w.All(c => c < '\u0370'));
        if (found.Count >= 2 || (found.Count == 1 && latin * 2 >= words.Count))
            return "English words: " + string.Join(", ", found);
        return null;
    }

    private static string Normalize(string text) => Spaces().Replace(text, " ").Trim();

    // A string is judged as a whole only when it has a word of three Latin letters or more, so
    // "OK", "PDF", "—" or a number do not count.
    private static bool IsJudgeable(string text) => LatinWord().IsMatch(text) && !text.Contains('{');

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\p{L}+(?:'\p{L}+)?")]
    private static partial Regex Words();

    [GeneratedRegex(@"\b[A-Za-z]{3,}\b")]
    private static partial Regex LatinWord();
}
