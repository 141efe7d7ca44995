using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Data.Fhir;

/// <summary>
/// OpenIddict's EF Core entities (applications, authorisations, scopes, tokens) in the registry's
/// database, for the FHIR API's SMART Backend Services clients. Their JSON columns (permissions, the
/// client's public keys, properties) are written by the app, never typed into a form; each text column
/// is given a bound like every other column of the registry.
/// </summary>
internal static class OpenIddictModel
{
    /// <summary>A JSON column of OpenIddict's: a client's key set or permission list fits many times over.</summary>
    public const int Json = 16_000;

    public static void Configure(ModelBuilder builder)
    {
        builder.UseOpenIddict();
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("OpenIddict", StringComparison.Ordinal) == true))
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is null))
                property.SetMaxLength(property.Name.EndsWith("Name", StringComparison.Ordinal) ? FieldLengths.PersonName : Json);
    }
}
