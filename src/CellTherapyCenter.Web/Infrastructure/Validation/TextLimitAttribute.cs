using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CellTherapyCenter.Web.Infrastructure.Validation;

/// <summary>
/// The longest text a form field accepts (a <see cref="CellTherapyCenter.Data.FieldLengths"/> constant, the
/// same its column holds): longer input is refused with a message beside the field and the form keeps
/// what was typed, instead of the database refusing it. Staff forms say it in English; a portal or
/// public form sets <see cref="Translated"/> and says it in the visitor's language. A NUL character is
/// refused too: no one types it, and PostgreSQL cannot store it (multipart forms, which carry files,
/// are not checked by NulCharacterRefusal: the public request form answered 500).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class TextLimitAttribute(int maximumLength) : StringLengthAttribute(maximumLength)
{
    /// <summary>The message in the request's language (portal and public pages), not in English.</summary>
    public bool Translated { get; set; }

    public override string FormatErrorMessage(string name) => Translated
        ? ValidationText.Format("TooLong", MaximumLength)
        : string.Create(CultureInfo.InvariantCulture, $"Shorten this to {MaximumLength:N0} characters or fewer.");

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && text.Contains('\0', StringComparison.Ordinal)
            ? new ValidationResult(Translated ? ValidationText.Format("NulCharacter") : "Remove the control characters (NUL) from this text.",
                validationContext.MemberName is { } member ? [member] : null)
            : base.IsValid(value, validationContext);
}
