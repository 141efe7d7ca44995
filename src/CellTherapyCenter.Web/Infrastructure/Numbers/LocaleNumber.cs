using System.Globalization;

namespace CellTherapyCenter.Web.Infrastructure.Numbers;

/// <summary>Why a typed number was not read (each has its own message in <see cref="NumberText"/>).</summary>
public enum NumberProblem
{
    /// <summary>Read without a doubt.</summary>
    None,
    /// <summary>Letters, signs in the wrong place, or nothing but a separator: not a number at all.</summary>
    NotANumber,
    /// <summary>More than one separator ("1.234,5", "1.234.5", "2,5,1") or a space inside ("1 234").</summary>
    Grouped,
    /// <summary>One separator followed by exactly three digits ("1,234", "1.234"): a thousand or a decimal?</summary>
    Ambiguous,
    /// <summary>A minus sign where the field takes no negative numbers.</summary>
    Negative,
    /// <summary>A separator in a field that takes whole numbers only.</summary>
    NotWhole,
    /// <summary>Well written, but beyond what the field's type can hold.</summary>
    TooLarge,
}

/// <summary>
/// How every number typed into a form is read, whatever the reader's language: "2.5" and "2,5"
/// are both two and a half (Serbian and Ukrainian staff write a decimal comma, English a point),
/// and anything that could be read two ways is refused rather than guessed. The culture's own
/// rules are not used on purpose: in English "2,5" parses as 25 and in Serbian "1.234" as 1234.
/// </summary>
/// <remarks>
/// Accepted: optional spaces around, an optional leading minus (where <c>allowNegative</c>), digits
/// with at most one '.' or ',' and at least one digit on some side of it ("2,50", ",5", "3.").
/// Refused: thousands separators of any kind (two separators, spaces or apostrophes inside), and the
/// one ambiguous shape, a separator followed by exactly three digits after one to three leading
/// digits ("1,234", "12.500"): it is 1234 or 1.234 depending on who typed it. "0,125" is not
/// ambiguous (no grouping starts with 0), nor is "1234,567" (a group has at most three digits).
/// </remarks>
public static class LocaleNumber
{
    /// <summary>Reads a decimal; null with the <paramref name="problem"/> when the text is not one unambiguous number.</summary>
    public static decimal? ReadDecimal(string text, bool allowNegative, out NumberProblem problem)
    {
        problem = Check(text, allowNegative, out var negative, out var whole, out var fraction);
        if (problem != NumberProblem.None) return null;
        var invariant = string.Concat(negative ? "-" : "", whole.Length == 0 ? "0" : whole, fraction.Length == 0 ? "" : ".", fraction);
        if (decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return value;
        problem = NumberProblem.TooLarge;
        return null;
    }

    /// <summary>Reads a whole number: digits only, with no separator of any kind ("2,5", "2.0" and "1 000" are refused).</summary>
    public static long? ReadWhole(string text, bool allowNegative, out NumberProblem problem)
    {
        problem = Check(text, allowNegative, out var negative, out var whole, out var fraction);
        if (problem is NumberProblem.Grouped or NumberProblem.Ambiguous || (problem == NumberProblem.None && text.AsSpan().IndexOfAny('.', ',') >= 0))
            problem = NumberProblem.NotWhole;
        if (problem != NumberProblem.None) return null;
        if (long.TryParse(string.Concat(negative ? "-" : "", whole, fraction), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        problem = NumberProblem.TooLarge;
        return null;
    }

    private static NumberProblem Check(string text, bool allowNegative, out bool negative, out string whole, out string fraction)
    {
        (negative, whole, fraction) = (false, "", "");
        var span = text.AsSpan().Trim();
        if (span.Length > 0 && span[0] is '-' or '\u2212')
        {
            negative = true;
            span = span[1..].TrimStart();
        }
        var separators = 0;
        var separatorAt = -1;
        var grouped = false;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c is '.' or ',') { separators++; separatorAt = i; }
            else if (char.IsWhiteSpace(c) || c is '\'' or '\u2019' or '_') grouped = true;
            else if (c is < '0' or > '9') return NumberProblem.NotANumber;
        }
        if (span.Length == separators) return NumberProblem.NotANumber;
        if (grouped || separators > 1) return NumberProblem.Grouped;
        whole = (separatorAt < 0 ? span : span[..separatorAt]).ToString();
        fraction = separatorAt < 0 ? "" : span[(separatorAt + 1)..].ToString();
        if (fraction.Length == 3 && whole.Length is >= 1 and <= 3 && whole.TrimStart('0').Length > 0) return NumberProblem.Ambiguous;
        if (negative && !allowNegative) return NumberProblem.Negative;
        return NumberProblem.None;
    }

    /// <summary>
    /// A number as a form shows it back, with the reader's decimal separator and never in the
    /// ambiguous shape the reader refuses (2.125 is written "2.1250", not "2.125").
    /// </summary>
    public static string Format(decimal value, CultureInfo culture)
    {
        var text = value.ToString("0.############################", culture);
        var separator = culture.NumberFormat.NumberDecimalSeparator;
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        if (at < 0) return text;
        var wholeDigits = text[..at].TrimStart('-').TrimStart('0').Length;
        return text.Length - at - separator.Length == 3 && wholeDigits is >= 1 and <= 3 ? text + "0" : text;
    }
}
