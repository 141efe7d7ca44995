using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Patients;

/// <summary>Demographics as typed on the register and edit forms.</summary>
public sealed class PatientInput
{
    [Required(ErrorMessage = "Enter the family name."), TextLimit(FieldLengths.PersonName), PersonName]
    public string? FamilyName { get; set; }
    [Required(ErrorMessage = "Enter the given name."), TextLimit(FieldLengths.PersonName), PersonName]
    public string? GivenName { get; set; }
    public Sex Sex { get; set; } = Sex.Unknown;
    [Required(ErrorMessage = "Enter the date of birth.")]
    public DateOnly? DateOfBirth { get; set; }
    [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.org."), TextLimit(FieldLengths.Email)]
    public string? Email { get; set; }
    [TextLimit(FieldLengths.Phone)]
    public string? Phone { get; set; }
    [TextLimit(FieldLengths.PostalAddress)]
    public string? Address { get; set; }
    [TextLimit(FieldLengths.CountryCode)]
    [Required(ErrorMessage = "Choose a country."), RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Use the two-letter country code, e.g. RS.")]
    public string? Country { get; set; } = "RS";
    [Required(ErrorMessage = "Choose a language."), TextLimit(FieldLengths.LanguageTag)]
    public string? PreferredLanguage { get; set; } = "sr";
    public Guid ConcurrencyStamp { get; set; }

    public static IReadOnlyList<(string Code, string Name)> Languages { get; } = [("sr", "Serbian"), ("uk", "Ukrainian"), ("en", "English"), ("ru", "Russian"), ("de", "German")];

    /// <summary>Adds field errors that attributes cannot express; returns the phone in E.164 (or null when none was given).</summary>
    public string? Validate(ModelStateDictionary modelState, DateOnly today, string prefix = "Input")
    {
        if (DateOfBirth is { } dob && (dob > today || dob < today.AddYears(-120)))
            modelState.AddModelError($"{prefix}.{nameof(DateOfBirth)}", "The date of birth must be in the past and within 120 years.");
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(Phone) && (phone = PhoneNumber.ToE164(Phone, Country)) is null)
            modelState.AddModelError($"{prefix}.{nameof(Phone)}", "Enter a phone number valid in the country chosen, or with its country code, e.g. +381 64 251 88 20.");
        return phone;
    }

    public void ApplyTo(Patient p, string? e164Phone)
    {
        p.FamilyName = FamilyName!.Trim();
        p.GivenName = GivenName!.Trim();
        p.Sex = Sex;
        p.DateOfBirth = DateOfBirth!.Value;
        p.Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        p.Phone = e164Phone;
        p.Address = string.IsNullOrWhiteSpace(Address) ? null : Address.Trim();
        p.Country = Country!.ToUpperInvariant();
        p.PreferredLanguage = PreferredLanguage!;
    }

    public static PatientInput From(Patient p) => new()
    {
        FamilyName = p.FamilyName, GivenName = p.GivenName, Sex = p.Sex, DateOfBirth = p.DateOfBirth, Email = p.Email,
        Phone = p.Phone, Address = p.Address, Country = p.Country, PreferredLanguage = p.PreferredLanguage, ConcurrencyStamp = p.ConcurrencyStamp,
    };

    /// <summary>A random code with no link to the person: "CTC-" and six hexadecimal digits, unique in the registry.</summary>
    public static async Task<string> NewPseudonymAsync(RegistryDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var code = "CTC-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3));
            if (!await db.Patients.AnyAsync(p => p.Pseudonym == code, ct)) return code;
        }
    }
}
