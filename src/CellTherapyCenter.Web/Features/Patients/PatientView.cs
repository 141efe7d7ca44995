using System.Security.Claims;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Infrastructure;

namespace CellTherapyCenter.Web.Features.Patients;

/// <summary>
/// What a user may see of a patient's identity. Researchers get the pseudonym and the year of
/// birth only; every other role sees the identified record.
/// </summary>
public sealed record PatientIdentityView(Guid Id, string DisplayName, string Pseudonym, string BirthDisplay, bool Identified, bool IsSynthetic)
{
    /// <summary>For checking dates on forms only; never shown to a role that may not identify.</summary>
    public DateOnly DateOfBirthForValidation { get; init; }

    public static bool MayIdentify(ClaimsPrincipal user) => StaffPolicies.Grants(user, StaffPolicies.ViewIdentified);

    public static PatientIdentityView For(ClaimsPrincipal user, Patient p) =>
        For(user, p.Id, p.FamilyName, p.GivenName, p.Pseudonym, p.DateOfBirth, p.IsSynthetic) with { DateOfBirthForValidation = p.DateOfBirth };

    public static PatientIdentityView For(ClaimsPrincipal user, Guid id, string familyName, string givenName, string pseudonym, DateOnly dateOfBirth, bool isSynthetic) =>
        MayIdentify(user)
            ? new(id, $"{familyName}, {givenName}", pseudonym, dateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), true, isSynthetic)
            : new(id, pseudonym, pseudonym, dateOfBirth.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), false, isSynthetic);
}
