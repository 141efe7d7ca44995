using PhoneNumbers;

namespace CellTherapyCenter.Web.Infrastructure.Validation;

/// <summary>
/// Phone numbers read with libphonenumber (Google's metadata of every country's numbering plan):
/// a number typed as it is dialled at home ("063 123 4567") is read in the country chosen on the
/// form; one with "+" or the country's international prefix in any country. Stored as E.164, shown
/// in the international format ("+381 63 1234567").
/// </summary>
public static class PhoneNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164, or null when it is not a valid number (in <paramref name="country"/> if it has no "+").</summary>
    /// <param name="country">ISO 3166-1 alpha-2 code of the country chosen, or null when none was.</param>
    public static string? ToE164(string typed, string? country)
    {
        var region = country is { Length: 2 } ? country.ToUpperInvariant() : "ZZ";
        try
        {
            var number = Util.Parse(typed, region);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>A stored number as people read it, with its country code and the country's grouping; as stored if it cannot be read.</summary>
    public static string Display(string? e164)
    {
        if (string.IsNullOrEmpty(e164)) return "";
        try
        {
            return Util.Format(Util.Parse(e164, "ZZ"), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
