using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;

namespace CellTherapyCenter.Web.Infrastructure.Validation;

/// <summary>
/// A person's name refuses characters nobody types in a name and that change how text around it is
/// shown or read: control characters (tabs, line breaks, NUL), format characters such as the bidi
/// overrides and isolates (U+202A-U+202E, U+2066-U+2069), the direction marks (U+200E, U+200F),
/// zero-width characters and the byte-order mark, line and paragraph separators, and unpaired
/// surrogates. A name with U+202E could show as another name, or turn a list of names around.
/// Letters of every script, marks, spaces, apostrophes and hyphens pass.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class PersonNameAttribute : ValidationAttribute
{
    public const string StaffMessage = "Remove the control or invisible formatting characters from the name (such as a text-direction override).";

    /// <summary>The message in the request's language (portal and public pages), not in English.</summary>
    public bool Translated { get; set; }

    public override bool IsValid(object? value) => value is not string text || IsAcceptable(text);

    public override string FormatErrorMessage(string name) => Translated ? ValidationText.Format("NameCharacters") : StaffMessage;

    /// <summary>True when no character of the text is one a name may not hold.</summary>
    public static bool IsAcceptable(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done) return false;
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse) return false;
            rest = rest[used..];
        }
        return true;
    }
}
