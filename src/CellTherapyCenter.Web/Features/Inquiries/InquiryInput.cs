using System.Globalization;
using System.Net.Mail;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Web.Features.Patients;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CellTherapyCenter.Web.Features.Inquiries;

/// <summary>What the request form posts, and its checks: each problem is reported beside its field.</summary>
public sealed class InquiryInput
{
    public const int NameLength = 200;
    public const int MessageLength = 4000;

    /// <summary>The consent the sender gives, stored word for word with the time it was given.</summary>
    public const string ConsentWording =
        "I agree that the clinic stores and processes the information and documents in this request, including health " +
        "information, in order to answer it and to assess whether treatment is possible. I can ask for them to be deleted at any time.";

    public RequesterRole? Role { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Country { get; set; }
    public string? PreferredLanguage { get; set; } = "en";
    public int? DiagnosisYear { get; set; }
    public List<AlsSymptom> Symptoms { get; set; } = [];
    public VentilationSupport Ventilation { get; set; } = VentilationSupport.Unknown;
    /// <summary>"yes", "no" or "unknown".</summary>
    public string? Gastrostomy { get; set; } = "unknown";
    public Dictionary<AlsfrsRItem, int?> Alsfrs { get; set; } = [];
    public string? Message { get; set; }
    public bool Consent { get; set; }
    /// <summary>The honeypot: hidden from people, filled in by form-filling robots.</summary>
    public string? Website { get; set; }

    public bool? GastrostomyValue => Gastrostomy switch { "yes" => true, "no" => false, _ => null };

    public static IReadOnlyList<(string Code, string Name)> Countries { get; } = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
        .Where(r => r is not null && r.TwoLetterISORegionName.Length == 2 && char.IsLetter(r.TwoLetterISORegionName[0]))
        .Select(r => (r!.TwoLetterISORegionName, r.EnglishName)).DistinctBy(r => r.TwoLetterISORegionName)
        .OrderBy(r => r.EnglishName, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<(string Code, string Name)> Languages => PatientInput.Languages;

    /// <summary>Checks the fields; returns the phone in E.164 (or null when none was given).</summary>
    public string? Validate(ModelStateDictionary modelState, int currentYear, string prefix = "Input")
    {
        void Error(string field, string message) => modelState.AddModelError($"{prefix}.{field}", message);
        if (Role is null || !Enum.IsDefined(Role.Value)) Error(nameof(Role), "Say who is asking: the patient, a relative or carer, or a physician.");
        if (string.IsNullOrWhiteSpace(Name)) Error(nameof(Name), "Enter a name so that we know whom to answer.");
        else if (Name.Length > NameLength) Error(nameof(Name), $"The name can be at most {NameLength} characters.");
        var hasEmail = !string.IsNullOrWhiteSpace(Email);
        var hasPhone = !string.IsNullOrWhiteSpace(Phone);
        if (!hasEmail && !hasPhone)
        {
            Error(nameof(Email), "Give an email address or a phone number (or both), so that we can answer.");
            Error(nameof(Phone), "Give a phone number or an email address (or both), so that we can answer.");
        }
        if (hasEmail && !IsEmail(Email!)) Error(nameof(Email), "This does not look like an email address, e.g. name@example.com.");
        string? phone = null;
        if (hasPhone && (phone = PatientInput.ToE164(Phone!)) is null)
            Error(nameof(Phone), "Enter the phone number with its country code, e.g. +381 64 251 88 20.");
        if (string.IsNullOrWhiteSpace(Country) || Countries.All(c => c.Code != Country)) Error(nameof(Country), "Choose a country from the list.");
        if (string.IsNullOrWhiteSpace(PreferredLanguage) || Languages.All(l => l.Code != PreferredLanguage)) Error(nameof(PreferredLanguage), "Choose a language from the list.");
        if (DiagnosisYear is { } year && (year < 1950 || year > currentYear)) Error(nameof(DiagnosisYear), $"Choose a year between 1950 and {currentYear}.");
        if (Symptoms.Any(s => !Enum.IsDefined(s))) Error(nameof(Symptoms), "Choose symptoms from the list.");
        if (!Enum.IsDefined(Ventilation)) Error(nameof(Ventilation), "Choose one of the answers about breathing support.");
        if (Gastrostomy is not ("yes" or "no" or "unknown")) Error(nameof(Gastrostomy), "Choose one of the answers about a feeding tube.");
        foreach (var (item, score) in Alsfrs)
            if (score is < 0 or > 4) Error($"Alsfrs[{item}]", "Choose one of the answers.");
        if (Message is { Length: > MessageLength }) Error(nameof(Message), $"The message can be at most {MessageLength} characters; send longer texts as a document.");
        if (!Consent) Error(nameof(Consent), "We can only accept the request with your agreement to store and process it.");
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
