using System.Globalization;
using System.Net.Mail;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Inquiries;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.Inquiries;

/// <summary>What the request form posts, and its checks: each problem is reported beside its field.</summary>
public sealed class InquiryInput
{
    public const int NameLength = InquiryConfiguration.NameLength;
    public const int MessageLength = InquiryConfiguration.MessageLength;

    /// <summary>
    /// The consent the sender gives in English, stored word for word with the time it was given; in
    /// Ukrainian and Serbian its translation in RequestText.resx is shown and stored instead.
    /// </summary>
    public const string ConsentWording =
        "I agree that the clinic stores and processes the information and documents in this request, including health " +
        "information, in order to answer it and to assess whether treatment is possible. I can ask for them to be deleted at any time.";

    public RequesterRole? Role { get; set; }
    [TextLimit(FieldLengths.PersonName, Translated = true)]
    [PersonName(Translated = true)]
    public string? Name { get; set; }
    /// <summary>The patient's own name, asked when a relative or carer writes.</summary>
    [TextLimit(FieldLengths.PersonName, Translated = true)]
    [PersonName(Translated = true)]
    public string? PatientName { get; set; }
    /// <summary>The patient's age in years, chosen from a list, asked when a relative or carer writes.</summary>
    public int? PatientAge { get; set; }
    [TextLimit(FieldLengths.Email, Translated = true)]
    public string? Email { get; set; }
    [TextLimit(FieldLengths.Phone, Translated = true)]
    public string? Phone { get; set; }
    [TextLimit(FieldLengths.CountryCode, Translated = true)]
    public string? Country { get; set; }
    [TextLimit(FieldLengths.LanguageTag, Translated = true)]
    public string? PreferredLanguage { get; set; } = "en";
    public int? DiagnosisYear { get; set; }
    public List<AlsSymptom> Symptoms { get; set; } = [];
    public VentilationSupport Ventilation { get; set; } = VentilationSupport.Unknown;
    /// <summary>"yes", "no" or "unknown".</summary>
    [TextLimit(FieldLengths.Code, Translated = true)]
    public string? Gastrostomy { get; set; } = "unknown";
    public Dictionary<AlsfrsRItem, int?> Alsfrs { get; set; } = [];
    [TextLimit(FieldLengths.Note, Translated = true)]
    public string? Message { get; set; }
    public bool Consent { get; set; }
    /// <summary>The culture the form was shown in, so the consent stored is the one the sender read.</summary>
    [TextLimit(FieldLengths.SiteLanguage, Translated = true)]
    public string? FormCulture { get; set; }
    /// <summary>
    /// The random token under which documents attached to an earlier, refused post of this form are
    /// held (<see cref="HeldDocuments"/>); none until a post with documents is refused.
    /// </summary>
    [TextLimit(FieldLengths.Code, Translated = true)]
    public string? HeldToken { get; set; }
    /// <summary>The held documents the form lists, so a sender whose documents expired is told.</summary>
    public List<Guid> HeldDocuments { get; set; } = [];
    /// <summary>The honeypot: hidden from people, filled in by form-filling robots.</summary>
    [TextLimit(FieldLengths.Label, Translated = true)]
    public string? Website { get; set; }

    public bool? GastrostomyValue => Gastrostomy switch { "yes" => true, "no" => false, _ => null };

    public static IReadOnlyList<(string Code, string Name)> Countries { get; } = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
        .Where(r => r is not null && r.TwoLetterISORegionName.Length == 2 && char.IsLetter(r.TwoLetterISORegionName[0]))
        .Select(r => (r!.TwoLetterISORegionName, r.EnglishName)).DistinctBy(r => r.TwoLetterISORegionName)
        .OrderBy(r => r.EnglishName, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<(string Code, string Name)> Languages => PatientInput.Languages;

    /// <summary>The ages the relative or carer can choose for the patient.</summary>
    public const int OldestPatientAge = 110;

    /// <summary>The patient's name and age are kept only when a relative or carer writes.</summary>
    public bool AsksForPatient => Role == RequesterRole.Relative;

    /// <summary>Checks the fields, with messages in the visitor's language; returns the phone in E.164 (or null when none was given).</summary>
    public string? Validate(ModelStateDictionary modelState, int currentYear, IStringLocalizer<RequestText> text, string prefix = "Input")
    {
        void Error(string field, string message) => modelState.AddModelError($"{prefix}.{field}", message);
        if (Role is null || !Enum.IsDefined(Role.Value)) Error(nameof(Role), text["Error.Role"]);
        if (string.IsNullOrWhiteSpace(Name)) Error(nameof(Name), text["Error.Name"]);
        if (AsksForPatient && PatientAge is < 0 or > OldestPatientAge) Error(nameof(PatientAge), text["Error.PatientAge", OldestPatientAge]);
        var hasEmail = !string.IsNullOrWhiteSpace(Email);
        var hasPhone = !string.IsNullOrWhiteSpace(Phone);
        if (!hasEmail && !hasPhone)
        {
            Error(nameof(Email), text["Error.EmailOrPhone"]);
            Error(nameof(Phone), text["Error.PhoneOrEmail"]);
        }
        if (hasEmail && !IsEmail(Email!)) Error(nameof(Email), text["Error.Email"]);
        var knownCountry = !string.IsNullOrWhiteSpace(Country) && Countries.Any(c => c.Code == Country);
        if (!knownCountry) Error(nameof(Country), text["Error.Country"]);
        // A number written as dialled at home is read in the country chosen; one with "+" anywhere.
        string? phone = null;
        if (hasPhone && (phone = PhoneNumber.ToE164(Phone!, knownCountry ? Country : null)) is null)
            Error(nameof(Phone), text["Error.Phone"]);
        if (string.IsNullOrWhiteSpace(PreferredLanguage) || Languages.All(l => l.Code != PreferredLanguage)) Error(nameof(PreferredLanguage), text["Error.Language"]);
        if (DiagnosisYear is { } year && (year < 1950 || year > currentYear)) Error(nameof(DiagnosisYear), text["Error.Year", currentYear]);
        if (Symptoms.Any(s => !Enum.IsDefined(s))) Error(nameof(Symptoms), text["Error.Symptoms"]);
        if (!Enum.IsDefined(Ventilation)) Error(nameof(Ventilation), text["Error.Ventilation"]);
        if (Gastrostomy is not ("yes" or "no" or "unknown")) Error(nameof(Gastrostomy), text["Error.Gastrostomy"]);
        foreach (var (item, score) in Alsfrs)
            if (score is < 0 or > 4) Error($"Alsfrs[{item}]", text["Error.Alsfrs"]);
        if (!Consent) Error(nameof(Consent), text["Error.Consent"]);
        return phone;
    }

    /// <summary>The self-scored ALSFRS-R, if any item was answered.</summary>
    public AlsfrsRResponses? AlsfrsResponses()
    {
        if (!Alsfrs.Values.Any(v => v is not null)) return null;
        int? At(AlsfrsRItem item) => Alsfrs.TryGetValue(item, out var v) ? v : null;
        return AlsfrsRResponses.FromScores(
            At(AlsfrsRItem.Speech), At(AlsfrsRItem.Salivation), At(AlsfrsRItem.Swallowing), At(AlsfrsRItem.Handwriting),
            At(AlsfrsRItem.CuttingFood), At(AlsfrsRItem.DressingHygiene), At(AlsfrsRItem.TurningInBed), At(AlsfrsRItem.Walking),
            At(AlsfrsRItem.ClimbingStairs), At(AlsfrsRItem.Dyspnea), At(AlsfrsRItem.Orthopnea), At(AlsfrsRItem.RespiratoryInsufficiency),
            GastrostomyValue == true ? CuttingFoodVersion.WithGastrostomy5b : CuttingFoodVersion.WithoutGastrostomy5a);
    }

    private static bool IsEmail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 320 && MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed
            && trimmed.IndexOf('@') is > 0 and var at && trimmed.IndexOf('.', at) > at + 1;
    }
}
