using CellTherapyCenter.Web.Infrastructure.Localization;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>The clinic's contact details, from configuration section <c>Clinic</c>.</summary>
public sealed class ClinicOptions
{
    public string Name { get; set; } = "CellTherapyCenter";
    /// <summary>The main number as people read it; the tel: link uses <see cref="PhoneE164"/>.</summary>
    public string Phone { get; set; } = "+381 64 251 88 20";
    public string PhoneE164 { get; set; } = "+381642518820";
    /// <summary>
    /// Further numbers on the contact page (configuration <c>Clinic:Phones:0:Label</c>,
    /// <c>Clinic:Phones:0:Number</c>, ...), each a <c>tel:</c> link; the main number is always first.
    /// </summary>
    public List<ClinicPhone> Phones { get; set; } = [];
    /// <summary>
    /// The address and the opening hours as configured (<c>Clinic:Address</c>, <c>Clinic:Hours</c>), in
    /// one language; unset, the site shows its own text in the visitor's language. A translation per
    /// language: <c>Clinic:AddressByLanguage:uk</c>, <c>Clinic:HoursByLanguage:sr-Latn</c>.
    /// </summary>
    public string? Address { get; set; }
    public string? Hours { get; set; }
    public Dictionary<string, string> AddressByLanguage { get; set; } = [];
    public Dictionary<string, string> HoursByLanguage { get; set; } = [];

    /// <summary>The configured address for a language (its translation, else the one configured), or null for the site's default text.</summary>
    public string? AddressIn(SiteLanguage language) => In(AddressByLanguage, language) ?? Address;

    public string? HoursIn(SiteLanguage language) => In(HoursByLanguage, language) ?? Hours;

    // Any tag of the language will do as the key ("sr", "sr-Latn", "uk-UA").
    private static string? In(Dictionary<string, string> texts, SiteLanguage language) =>
        texts.FirstOrDefault(t => SiteLanguages.Find(t.Key) == language && !string.IsNullOrWhiteSpace(t.Value)).Value;
}

/// <summary>A further number of the clinic, e.g. Label "Reception (landline)", Number "+381 11 123 45 67".</summary>
public sealed class ClinicPhone
{
    public string Label { get; set; } = "Phone";
    public string Number { get; set; } = "";

    /// <summary>The number as a <c>tel:</c> target: digits, with the leading + kept.</summary>
    public string TelHref => "tel:" + (Number.TrimStart().StartsWith('+') ? "+" : "") + new string(Number.Where(char.IsAsciiDigit).ToArray());
}
