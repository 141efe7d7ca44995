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
    public string Address { get; set; } = "Belgrade, Serbia (the full address is given when an appointment is made)";
    public string Hours { get; set; } = "Monday to Friday, 9:00 to 17:00 (Central European Time)";
}

/// <summary>A further number of the clinic, e.g. Label "Reception (landline)", Number "+381 11 123 45 67".</summary>
public sealed class ClinicPhone
{
    public string Label { get; set; } = "Phone";
    public string Number { get; set; } = "";

    /// <summary>The number as a <c>tel:</c> target: digits, with the leading + kept.</summary>
    public string TelHref => "tel:" + (Number.TrimStart().StartsWith('+') ? "+" : "") + new string(Number.Where(char.IsAsciiDigit).ToArray());
}
