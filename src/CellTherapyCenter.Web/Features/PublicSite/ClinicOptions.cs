namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>The clinic's contact details, from configuration section <c>Clinic</c>.</summary>
public sealed class ClinicOptions
{
    public string Name { get; set; } = "CellTherapyCenter";
    /// <summary>The main number as people read it; the tel: link uses <see cref="PhoneE164"/>.</summary>
    public string Phone { get; set; } = "+381 64 251 88 20";
    public string PhoneE164 { get; set; } = "+381642518820";
    /// <summary>Further numbers shown on the contact page, e.g. "Fax: +381 11 ...".</summary>
    public List<string> OtherPhones { get; set; } = [];
    public string Address { get; set; } = "Belgrade, Serbia (the full address is given when an appointment is made)";
    public string Hours { get; set; } = "Monday to Friday, 9:00 to 17:00 (Central European Time)";
}
