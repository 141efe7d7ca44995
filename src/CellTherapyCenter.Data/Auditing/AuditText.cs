using System.Globalization;
using System.Text;

namespace CellTherapyCenter.Data.Auditing;

/// <summary>
/// What the audit trail keeps of text nobody vouches for (the name typed into a failed sign-in):
/// control and bidirectional-formatting characters removed, then at most <see cref="MaxLength"/>
/// characters, never cutting a character in half. The trail is append-only, so whatever an
/// anonymous visitor sends would otherwise stay in it for good.
/// </summary>
public static class AuditText
{
    public const int MaxLength = 256;

    public static string? Bounded(string? text, int maxLength = MaxLength)
    {
        if (text is null) return null;
        var kept = new StringBuilder(Math.Min(text.Length, maxLength));
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            // A lone surrogate is no character at all (and no valid UTF-8).
            if (element.Length == 1 && char.IsSurrogate(element[0])) continue;
            if (element.Any(IsUnwanted)) element = new string([.. element.Where(c => !IsUnwanted(c))]);
            if (kept.Length + element.Length > maxLength) break;
            kept.Append(element);
        }
        return kept.ToString();
    }

    private static bool IsUnwanted(char c) =>
        char.IsControl(c)
        || c is '\u200E' or '\u200F' or '\u061C' // directional marks
        || c is >= '\u202A' and <= '\u202E' // embeddings and overrides
        || c is >= '\u2066' and <= '\u2069'; // isolates
}
