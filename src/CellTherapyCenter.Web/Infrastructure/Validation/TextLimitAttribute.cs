using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CellTherapyCenter.Web.Infrastructure.Validation;

/// <summary>
/// The longest text a form field accepts (a <see cref="CellTherapyCenter.Data.FieldLengths"/> constant, the
/// same its column holds): longer input is refused with a message beside the field and the form keeps
/// what was typed, instead of the database refusing it. Staff forms say it in English; a portal or
/// public form sets <see cref="Translated"/> and says it in the visitor's language.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class TextLimitAttribute(int maximumLength) : StringLengthAttribute(maximumLength)
{
    /// <summary>The message in the request's language (portal and public pages), not in English.</summary>
    public bool Translated { get; set; }

    public override string FormatErrorMessage(string name) => Translated
        ? ValidationText.Format("TooLong", MaximumLength)
        : string.Create(CultureInfo.InvariantCulture, $"Shorten this to {MaximumLength:N0} characters or fewer.");
}
