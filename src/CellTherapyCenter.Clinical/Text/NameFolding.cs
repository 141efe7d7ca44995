using System.Globalization;
using System.Text;

namespace CellTherapyCenter.Clinical.Text;

/// <summary>
/// Names as a search compares them: Cyrillic written in Latin letters by the official schemes,
/// then folded to lower-case ASCII letters and digits as people type them without diacritics
/// ("Petrović" → "petrovic", "Đorđe" → "dorde" and "djordje", "Шевченко" → "shevchenko" and
/// "sevcenko"). Pure: no culture of the machine takes part.
/// </summary>
/// <remarks>
/// Sources of the tables below:
/// <list type="bullet">
/// <item>Serbian: the one-to-one correspondence of the Cyrillic and Latin alphabets in the
/// Pravopis srpskoga jezika (Matica srpska, 2010), Vuk Karadžić's Cyrillic and Gaj's Latin
/// alphabet: 30 letters each, љ = lj, њ = nj, џ = dž.</item>
/// <item>Ukrainian: the national transliteration table of Resolution No. 55 of the Cabinet of
/// Ministers of Ukraine of 27 January 2010 ("On streamlining the transliteration of the Ukrainian
/// alphabet in Latin"): є, ї, й, ю, я are Ye, Yi, Y, Yu, Ya at the start of a word and ie, i, i,
/// iu, ia elsewhere; "зг" is "zgh"; the soft sign and the apostrophe are not written.</item>
/// <item>Folding: the canonical decomposition of Unicode (NFD) with the combining marks dropped,
/// and đ written "d" or "dj", as Serbian writers do without diacritics.</item>
/// </list>
/// Letters of neither alphabet (Russian ё, ы, э, ъ) fall back to their usual Latin letters so a
/// name is never lost; that fallback is no official scheme.
/// </remarks>
public static class NameFolding
{
    private static readonly Dictionary<char, string> SerbianToLatin = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['ђ'] = "đ", ['е'] = "e", ['ж'] = "ž",
        ['з'] = "z", ['и'] = "i", ['ј'] = "j", ['к'] = "k", ['л'] = "l", ['љ'] = "lj", ['м'] = "m", ['н'] = "n",
        ['њ'] = "nj", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['ћ'] = "ć", ['у'] = "u",
        ['ф'] = "f", ['х'] = "h", ['ц'] = "c", ['ч'] = "č", ['џ'] = "dž", ['ш'] = "š",
    };

    private static readonly Dictionary<string, char> SerbianToCyrillic =
        SerbianToLatin.ToDictionary(kv => kv.Value, kv => kv.Key);

    /// <summary>Resolution 55: letters written the same everywhere in a word.</summary>
    private static readonly Dictionary<char, string> UkrainianToLatin = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "h", ['ґ'] = "g", ['д'] = "d", ['е'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "y", ['і'] = "i", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ь'] = "",
    };

    /// <summary>Resolution 55: letters written one way at the start of a word and another inside it.</summary>
    private static readonly Dictionary<char, (string Initial, string Inside)> UkrainianByPosition = new()
    {
        ['є'] = ("ye", "ie"), ['ї'] = ("yi", "i"), ['й'] = ("y", "i"), ['ю'] = ("yu", "iu"), ['я'] = ("ya", "ia"),
    };

    /// <summary>Not an official scheme: the usual Latin letters of Russian ones, so no Cyrillic letter is left over.</summary>
    private static readonly Dictionary<char, string> OtherCyrillic = new()
    {
        ['ё'] = "e", ['ы'] = "y", ['э'] = "e", ['ъ'] = "",
    };

    private static readonly Dictionary<char, string> SpecialLatin = new()
    {
        ['ł'] = "l", ['ø'] = "o", ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ı'] = "i", ['þ'] = "th", ['ð'] = "d",
    };

    /// <summary>Serbian Cyrillic in Serbian Latin letters ("Ђорђевић" → "Đorđević", "Љиља" → "Ljilja"); other characters unchanged.</summary>
    public static string SerbianCyrillicToLatin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lower = char.ToLowerInvariant(c);
            if (!SerbianToLatin.TryGetValue(lower, out var latin)) { sb.Append(c); continue; }
            sb.Append(c == lower ? latin : Capitalised(latin, WholeWordUpper(text, i)));
        }
        return sb.ToString();
    }

    /// <summary>Serbian Latin in Serbian Cyrillic letters ("Đorđević" → "Ђорђевић"; lj, nj, dž are one letter each); other characters unchanged.</summary>
    public static string SerbianLatinToCyrillic(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i + 1 < text.Length)
            {
                var pair = string.Concat(char.ToLowerInvariant(c), char.ToLowerInvariant(text[i + 1]));
                if (pair is "lj" or "nj" or "dž")
                {
                    var letter = SerbianToCyrillic[pair];
                    sb.Append(char.IsUpper(c) ? char.ToUpperInvariant(letter) : letter);
                    i++;
                    continue;
                }
            }
            var lower = char.ToLowerInvariant(c).ToString();
            if (SerbianToCyrillic.TryGetValue(lower, out var cyrillic))
                sb.Append(char.IsUpper(c) ? char.ToUpperInvariant(cyrillic) : cyrillic);
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Ukrainian in Latin letters by Resolution 55 ("Шевченко" → "Shevchenko", "Їжакевич" → "Yizhakevych", "Згурський" → "Zghurskyi"); other characters unchanged.</summary>
    public static string UkrainianCyrillicToLatin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lower = char.ToLowerInvariant(c);
            string latin;
            if (IsApostrophe(c) && i > 0 && char.IsLetter(text[i - 1])) continue; // "Мар'яна" → "Mariana"
            if (lower == 'г' && i > 0 && char.ToLowerInvariant(text[i - 1]) == 'з') latin = "gh"; // "зг" → "zgh"
            else if (UkrainianByPosition.TryGetValue(lower, out var byPosition)) latin = StartsWord(text, i) ? byPosition.Initial : byPosition.Inside;
            else if (!UkrainianToLatin.TryGetValue(lower, out latin!)) { sb.Append(c); continue; }
            sb.Append(c == lower ? latin : Capitalised(latin, WholeWordUpper(text, i)));
        }
        return sb.ToString();
    }

    /// <summary>
    /// Lower case, diacritics removed by canonical decomposition, đ as "d" (or "dj" with
    /// <paramref name="djForDj"/>), apostrophes dropped inside words, anything else that is not a
    /// letter or digit a single space. Cyrillic stays Cyrillic: transliterate first (<see cref="SearchForms"/>).
    /// </summary>
    public static string Fold(string text, bool djForDj = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var lastSpace = true;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var lower = char.ToLowerInvariant(c);
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            if (IsApostrophe(c)) continue;
            string? piece = lower == 'đ' ? (djForDj ? "dj" : "d") : SpecialLatin.GetValueOrDefault(lower);
            if (piece is not null) { sb.Append(piece); lastSpace = false; }
            else if (char.IsLetterOrDigit(lower)) { sb.Append(lower); lastSpace = false; }
            else if (!lastSpace) { sb.Append(' '); lastSpace = true; }
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// Every folded Latin form a text can be searched by, without duplicates: Cyrillic by the
    /// Serbian and by the Ukrainian scheme (each finishing with the other's table for letters it
    /// lacks), đ as "d" and as "dj". Latin text gives its folding (and its "dj" form if it has đ).
    /// </summary>
    public static IReadOnlyList<string> SearchForms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] latinTexts = HasCyrillic(text)
            ? [Others(UkrainianCyrillicToLatin(SerbianCyrillicToLatin(text))), Others(SerbianCyrillicToLatin(UkrainianCyrillicToLatin(text)))]
            : [text];
        var forms = new List<string>(4);
        foreach (var latin in latinTexts)
        {
            Add(Fold(latin));
            if (latin.Contains('đ', StringComparison.OrdinalIgnoreCase)) Add(Fold(latin, djForDj: true));
        }
        return forms;

        void Add(string form)
        {
            if (form.Length > 0 && !forms.Contains(form)) forms.Add(form);
        }
    }

    public static bool HasCyrillic(string text) => text.Any(c => c is >= '\u0400' and <= '\u04FF');

    private static string Others(string text)
    {
        if (!HasCyrillic(text)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            if (OtherCyrillic.TryGetValue(lower, out var latin)) sb.Append(c == lower ? latin : Capitalised(latin, false));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ' or '`' or '´';

    /// <summary>At the start of a word: nothing before it but a non-letter (an apostrophe belongs to the word).</summary>
    private static bool StartsWord(string text, int i) => i == 0 || !(char.IsLetter(text[i - 1]) || IsApostrophe(text[i - 1]));

    /// <summary>An upper-case letter next to another upper-case letter is in a word written in capitals: "ЩУР" → "SHCHUR", "Щур" → "Shchur".</summary>
    private static bool WholeWordUpper(string text, int i) =>
        (i + 1 < text.Length && char.IsUpper(text[i + 1])) || (i > 0 && char.IsUpper(text[i - 1]) && (i + 1 == text.Length || !char.IsLower(text[i + 1])));

    private static string Capitalised(string latin, bool allUpper) =>
        latin.Length == 0 ? latin : allUpper ? latin.ToUpperInvariant() : char.ToUpperInvariant(latin[0]) + latin[1..];
}
