using System.Text;
using System.Text.RegularExpressions;
using CellTherapyCenter.Clinical.Text;

namespace CellTherapyCenter.Data.Patients;

/// <summary>
/// The patient's search column and the patterns a staff search matches it with. The column is one
/// line of space-separated words, each with a space on both sides:
/// <c>" petrovic ana djordjevic dordevic #1a2b3c +381642518820 ana@example.org "</c>: every
/// folded Latin form of the names (<see cref="NameFolding.SearchForms"/>), the code's hexadecimal
/// digits without the "CTC-" prefix and leading zeros after "#", the phone's digits after "+",
/// the email in lower case. A query is a list of terms that must all match; a term is a list of
/// LIKE patterns (escape character <see cref="Escape"/>) of which one must match. Pure: the page
/// builds the SQL, the column is written by <see cref="Patient.RefreshSearchText"/>.
/// </summary>
public static partial class PatientSearchText
{
    public const char Escape = '\\';

    /// <summary>Terms beyond this many are ignored: a search of a few words, not of a paragraph.</summary>
    public const int MaximumTerms = 8;

    /// <summary>Phone queries need this many digits (after leading zeros): shorter runs of digits are codes.</summary>
    public const int MinimumPhoneDigits = 6;

    public static string Of(string familyName, string givenName, string pseudonym, string? phone, string? email)
    {
        var words = new List<string>();
        foreach (var form in NameFolding.SearchForms($"{familyName} {givenName}"))
            foreach (var word in form.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (!words.Contains(word)) words.Add(word);
        var sb = new StringBuilder(" ");
        foreach (var word in words) sb.Append(word).Append(' ');
        if (CodeDigits(pseudonym) is { } code) sb.Append('#').Append(code).Append(' ');
        var phoneDigits = Digits(phone ?? "");
        if (phoneDigits.Length > 0) sb.Append('+').Append(phoneDigits).Append(' ');
        if (!string.IsNullOrWhiteSpace(email)) sb.Append(email.Trim().ToLowerInvariant()).Append(' ');
        return sb.ToString();
    }

    /// <summary>"CTC-00A1F3", "ctc00a1f3", "00a1f3", "A1F3" → "a1f3"; "CTC-000000" → "0"; null if it is no code.</summary>
    public static string? CodeDigits(string text)
    {
        var match = Code().Match(text.Trim());
        if (!match.Success) return null;
        var digits = match.Groups["hex"].Value.ToLowerInvariant().TrimStart('0');
        return digits.Length == 0 ? "0" : digits;
    }

    /// <summary>The full code a researcher may search by: "123" → "CTC-000123"; null if it is no code.</summary>
    public static string? Pseudonym(string query) =>
        CodeDigits(query) is { } digits ? "CTC-" + digits.ToUpperInvariant().PadLeft(6, '0') : null;

    /// <summary>The LIKE patterns of a staff search: every term must match, any pattern of a term will do.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Terms(string? query)
    {
        var terms = new List<IReadOnlyList<string>>();
        if (string.IsNullOrWhiteSpace(query)) return terms;
        var trimmed = query.Trim();
        // A phone or code typed with any grouping: "+381 64 251-88-20", "(064) 2518820", "000 123".
        if (PhoneTyping().IsMatch(trimmed) && DigitTerm(Digits(trimmed)) is { } digitTerm)
            return [digitTerm];

        foreach (var token in Tokens().Matches(trimmed).Select(m => m.Value))
        {
            if (token.Contains('@', StringComparison.Ordinal))
                terms.Add(["%" + EscapeLike(token.ToLowerInvariant()) + "%"]);
            else if (Code().Match(token) is { Success: true } code && code.Groups["prefix"].Success)
                terms.Add([CodePattern(CodeDigits(token)!)]);
            else if (PhoneTyping().IsMatch(token))
            {
                if (DigitTerm(Digits(token)) is { } term) terms.Add(term);
            }
            else
            {
                // A word of a name; "Ivanova-Petrović" is two words that must both match.
                foreach (var part in NamePieces().Split(token).Where(p => p.Length > 0))
                {
                    var patterns = NameFolding.SearchForms(part).Select(form => "%" + EscapeLike(form.Replace(" ", "", StringComparison.Ordinal)) + "%").ToList();
                    // A code typed without its prefix, letters and all: "00a1f3".
                    if (HexWithDigit().IsMatch(part) && CodeDigits(part) is { } digits) patterns.Add(CodePattern(digits));
                    if (patterns.Count > 0) terms.Add(patterns.Distinct().ToList());
                }
            }
        }
        return terms.Take(MaximumTerms).ToList();
    }

    /// <summary>
    /// The query when it is one whole email address ("Ana.P@Example.org" → "ana.p@example.org"),
    /// else null. A whole address is looked up by equality on an index of the lower-cased email:
    /// by trigrams it would read the long index entries its domain shares with every address of
    /// that domain (most patients write "@gmail.com"), which made it the slowest of the contact
    /// searches (docs/benchmarks.md). A part of an address is still matched by <see cref="Terms"/>.
    /// </summary>
    public static string? WholeEmail(string? query) =>
        query is not null && WholeEmailAddress().IsMatch(query.Trim()) ? query.Trim().ToLowerInvariant() : null;

    /// <summary>A run of digits is a code (with or without its leading zeros) or, long enough, part of a phone number with or without the country code and trunk zero.</summary>
    private static List<string>? DigitTerm(string digits)
    {
        if (digits.Length == 0) return null;
        var significant = digits.TrimStart('0');
        var patterns = new List<string>(2);
        if (significant.Length <= 6) patterns.Add(CodePattern(significant.Length == 0 ? "0" : significant));
        if (significant.Length >= MinimumPhoneDigits) patterns.Add("%" + significant + "%");
        return patterns;
    }

    private static string CodePattern(string digits) => "% #" + digits + " %";

    private static string Digits(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) if (c is >= '0' and <= '9') sb.Append(c);
        return sb.ToString();
    }

    public static string EscapeLike(string text) => text
        .Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal)
        .Replace("_", @"\_", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?<prefix>ctc[\s\-]*)?(?<hex>[0-9a-f]{1,6})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    [GeneratedRegex(@"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeEmailAddress();

    [GeneratedRegex(@"^[0-9a-f]*[0-9][0-9a-f]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HexWithDigit();

    [GeneratedRegex(@"^[\d\s+().\-/]*\d[\d\s+().\-/]*$")]
    private static partial Regex PhoneTyping();

    /// <summary>Words of a query: "CTC-1A2B3C" and "CTC 1A2B3C" are one word, otherwise whitespace and commas part them.</summary>
    [GeneratedRegex(@"ctc[\s\-]*[0-9a-f]{1,6}(?![^\s,;])|[^\s,;]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"[^\p{L}\p{M}\p{Nd}'’ʼ]+")]
    private static partial Regex NamePieces();
}
