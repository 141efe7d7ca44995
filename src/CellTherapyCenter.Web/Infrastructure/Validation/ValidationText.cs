using System.Globalization;
using System.Resources;

namespace CellTherapyCenter.Web.Infrastructure.Validation;

/// <summary>
/// The shared validation messages of portal and public forms: ValidationText.resx (English), .uk.resx
/// and .sr-Latn.resx, read in the request's language (set by the site's request localization).
/// </summary>
public sealed class ValidationText
{
    private static readonly ResourceManager Resources = new(typeof(ValidationText));

    public static string Format(string key, params object[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var text = Resources.GetString(key, culture) ?? key;
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}
