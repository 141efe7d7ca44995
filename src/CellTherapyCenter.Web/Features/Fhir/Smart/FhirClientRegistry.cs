using System.Security.Cryptography;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Fhir;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CellTherapyCenter.Web.Features.Fhir.Smart;

/// <summary>The FHIR API's audit actions for its clients.</summary>
public static class FhirAuditActions
{
    public const string ClientAdded = "fhir-client-added";
    public const string ClientWithdrawn = "fhir-client-withdrawn";
    public const string TokenIssued = "fhir-token";
    public const string Refused = "fhir-refused";
    public const string EntityType = "FhirClient";
}

/// <summary>The part of a registration a refusal is about, for the form field it is shown beside.</summary>
public enum FhirClientField
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Name")] Name,
    [System.ComponentModel.DataAnnotations.Display(Name = "Key set")] KeySet,
    [System.ComponentModel.DataAnnotations.Display(Name = "Scopes")] Scopes,
    [System.ComponentModel.DataAnnotations.Display(Name = "Role")] Role,
}

/// <summary>Why a client could not be registered, in words for the person registering it.</summary>
public sealed class FhirClientRefusedException(FhirClientField field, string message) : Exception(message)
{
    public FhirClientField Field { get; } = field;
}

/// <summary>
/// Registers and withdraws SMART Backend Services clients: a <see cref="FhirClient"/> row for the
/// registry's own decisions (role, scopes, withdrawal) and an OpenIddict application holding the
/// client's public keys and what it may ask the token endpoint for. Both the command
/// (<c>fhir-client add</c>) and the administrators' page come here.
/// </summary>
public sealed class FhirClientRegistry(RegistryDbContext db, IOpenIddictApplicationManager applications, AuditLog audit, TimeProvider clock)
{
    /// <summary>The roles a client may act as: a clinical system sees what a physician sees, a research network what a researcher sees.</summary>
    public static readonly IReadOnlyList<string> Roles = [StaffRoles.Physician, StaffRoles.Researcher];

    /// <summary>The role a client acts as unless it is registered as a researcher's.</summary>
    public static readonly string DefaultRole = StaffRoles.Physician;

    /// <summary>Client assertions must be signed with one of these (SMART Backend Services 5.1).</summary>
    public static readonly IReadOnlyList<string> SigningAlgorithms = [SecurityAlgorithms.RsaSha384, SecurityAlgorithms.EcdsaSha384];

    public async Task<FhirClient> AddAsync(string name, string jwksJson, string scopes, string role, string? by, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > FieldLengths.PersonName) throw new FhirClientRefusedException(FhirClientField.Name, $"Give the client a name of 1 to {FieldLengths.PersonName} characters.");
        if (!Roles.Contains(role, StringComparer.Ordinal)) throw new FhirClientRefusedException(FhirClientField.Role, $"A client's role is {string.Join(" or ", Roles)}, not '{role}'.");
        var granted = SmartScopes.ParseList(scopes, out var unknown);
        if (unknown.Count > 0)
            throw new FhirClientRefusedException(FhirClientField.Scopes, $"Unknown scope {string.Join(", ", unknown.Select(u => $"'{u}'"))}: the registry offers {string.Join(" ", SmartScopes.Supported)}.");
        if (granted.Count == 0) throw new FhirClientRefusedException(FhirClientField.Scopes, "Name at least one scope, e.g. system/*.read.");
        var keys = CheckKeySet(jwksJson);

        var client = new FhirClient
        {
            ClientId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Name = name,
            Role = role,
            Scopes = string.Join(' ', granted.Select(s => s.Text)),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = by,
        };
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            DisplayName = name,
            ClientType = ClientTypes.Confidential,
            JsonWebKeySet = keys,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in granted) descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope.Text);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.FhirClients.Add(client);
        await db.SaveChangesAsync(ct);
        await applications.CreateAsync(descriptor, ct);
        await audit.WriteAsync(FhirAuditActions.ClientAdded, FhirAuditActions.EntityType, client.ClientId, null,
            $"{client.Name}; role {client.Role}; scopes {client.Scopes}", ct);
        await transaction.CommitAsync(ct);
        return client;
    }

    /// <summary>
    /// Withdraws the client: its application is deleted (no new token), and the FHIR API refuses its
    /// tokens already issued from the next request on (<see cref="FindActiveAsync"/> on each request).
    /// </summary>
    public async Task<bool> WithdrawAsync(string clientId, string? by, CancellationToken ct = default)
    {
        var client = await db.FhirClients.SingleOrDefaultAsync(c => c.ClientId == clientId && c.WithdrawnAt == null, ct);
        if (client is null) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        client.WithdrawnAt = clock.GetUtcNow().UtcDateTime;
        client.WithdrawnBy = by;
        await db.SaveChangesAsync(ct);
        if (await applications.FindByClientIdAsync(clientId, ct) is { } application) await applications.DeleteAsync(application, ct);
        await audit.WriteAsync(FhirAuditActions.ClientWithdrawn, FhirAuditActions.EntityType, client.ClientId, null, client.Name, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>The client if it is registered and not withdrawn.</summary>
    public Task<FhirClient?> FindActiveAsync(string? clientId, CancellationToken ct = default) =>
        clientId is null ? Task.FromResult<FhirClient?>(null)
            : db.FhirClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId && c.WithdrawnAt == null, ct);

    public Task<List<FhirClient>> ListAsync(CancellationToken ct = default) =>
        db.FhirClients.AsNoTracking().OrderBy(c => c.WithdrawnAt != null).ThenBy(c => c.Name).ToListAsync(ct);

    /// <summary>
    /// The client's key set, if it holds public keys only and at least one that can check an RS384 or
    /// ES384 signature: an RSA key of 2048 bits or more, or an EC key on P-384, not marked for encryption.
    /// </summary>
    public static JsonWebKeySet CheckKeySet(string json)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(json);
        }
        catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException)
        {
            throw new FhirClientRefusedException(FhirClientField.KeySet, "The key set is not a JSON Web Key Set ({\"keys\": [...]}).");
        }
        if (set.Keys.Count == 0) throw new FhirClientRefusedException(FhirClientField.KeySet, "The key set holds no keys.");
        if (set.Keys.Any(k => new[] { k.D, k.P, k.Q, k.DP, k.DQ, k.QI, k.K }.Any(part => !string.IsNullOrEmpty(part))))
            throw new FhirClientRefusedException(FhirClientField.KeySet, "The key set holds a private or secret key: register the public keys only, and keep the private key with the client.");
        if (!set.Keys.Any(CanVerifyAssertions))
            throw new FhirClientRefusedException(FhirClientField.KeySet, "The key set holds no key for RS384 or ES384 signatures (an RSA key of at least 2048 bits, or an EC key on the P-384 curve).");
        return set;
    }

    private static bool CanVerifyAssertions(JsonWebKey key)
    {
        if (key.Use is { Length: > 0 } use && use != JsonWebKeyUseNames.Sig) return false;
        return key.Kty switch
        {
            JsonWebAlgorithmsKeyTypes.RSA => key.Alg is null or "" or SecurityAlgorithms.RsaSha384 && RsaBits(key) >= 2048,
            JsonWebAlgorithmsKeyTypes.EllipticCurve => key.Alg is null or "" or SecurityAlgorithms.EcdsaSha384 && key.Crv == JsonWebKeyECTypes.P384,
            _ => false,
        };
    }

    private static int RsaBits(JsonWebKey key)
    {
        try
        {
            return Base64UrlEncoder.DecodeBytes(key.N).SkipWhile(b => b == 0).Count() * 8;
        }
        catch (FormatException)
        {
            return 0;
        }
    }
}
