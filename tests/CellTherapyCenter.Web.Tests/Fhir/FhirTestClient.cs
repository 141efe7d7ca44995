using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>A FHIR client's key pair: the private half signs assertions, the public half is registered.</summary>
public sealed record FhirClientKey(SecurityKey Private, string Algorithm, string PublicJwks)
{
    public static FhirClientKey Rsa()
    {
        var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(false);
        var jwks = new JsonObject { ["keys"] = new JsonArray(new JsonObject { ["kty"] = "RSA", ["kid"] = "rsa1", ["alg"] = "RS384", ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent) }) };
        return new(new RsaSecurityKey(rsa) { KeyId = "rsa1" }, SecurityAlgorithms.RsaSha384, jwks.ToJsonString());
    }

    public static FhirClientKey Ec()
    {
        var ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var p = ec.ExportParameters(false);
        var jwks = new JsonObject { ["keys"] = new JsonArray(new JsonObject { ["kty"] = "EC", ["kid"] = "ec1", ["alg"] = "ES384", ["crv"] = "P-384", ["x"] = Base64UrlEncoder.Encode(p.Q.X), ["y"] = Base64UrlEncoder.Encode(p.Q.Y) }) };
        return new(new ECDsaSecurityKey(ec) { KeyId = "ec1" }, SecurityAlgorithms.EcdsaSha384, jwks.ToJsonString());
    }
}

/// <summary>
/// What a backend system does to call the FHIR API, for tests: register a client with a key, sign a
/// client assertion, exchange it at the token endpoint, and send requests with the bearer token.
/// </summary>
public static class FhirTestClient
{
    public const string TokenUrl = "http://localhost/fhir/auth/token";
    /// <summary>OpenIddict 7 wants the issuer as a client-authentication+jwt assertion's audience (RFC 7523bis), not the token URL.</summary>
    public const string Issuer = "http://localhost/";

    /// <summary>A signed client assertion; <paramref name="type"/> is the JOSE header's typ (SMART's own is "JWT", with the token URL as audience).</summary>
    public static string Assertion(string clientId, FhirClientKey key, string audience = Issuer, string? jti = null, DateTime? expires = null,
        string type = "client-authentication+jwt", string? subject = null)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(4);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            // By default RFC 7523bis's type, which OpenIddict 7 requires; SMART's "JWT" is let in by SmartAssertionType.
            TokenType = type,
            Issuer = clientId,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = subject ?? clientId, ["jti"] = jti ?? Guid.NewGuid().ToString() },
            IssuedAt = exp.AddMinutes(-5),
            NotBefore = exp.AddMinutes(-5),
            Expires = exp,
            SigningCredentials = new SigningCredentials(key.Private, key.Algorithm),
        });
    }

    public static async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(HttpClient http, string assertion, string? scope = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
        };
        if (scope is not null) form["scope"] = scope;
        using var response = await http.PostAsync("/fhir/auth/token", new FormUrlEncodedContent(form));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.StartsWith('{'), $"{(int)response.StatusCode}: {text[..Math.Min(text.Length, 3000)]}");
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>Registers a client with the key's public half, the scopes and the role it acts as; returns its client id.</summary>
    public static async Task<string> RegisterAsync(RegistryAppFactory app, FhirClientKey key, string scopes, string role = StaffRoles.Physician)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var client = await scope.ServiceProvider.GetRequiredService<FhirClientRegistry>().AddAsync("Test system " + Guid.NewGuid().ToString("N")[..6], key.PublicJwks, scopes, role, "test");
        return client.ClientId;
    }

    /// <summary>
    /// An HttpClient on the app that sends a fresh client's access token with every request; the
    /// client id comes back for checks on the audit trail (its lines carry <see cref="FhirClientAccess.ClientIdPrefix"/> + id).
    /// </summary>
    public static async Task<(HttpClient Http, string ClientId)> SignedInAsync(RegistryAppFactory app, string scopes = "system/*.read", string role = StaffRoles.Physician)
    {
        var key = FhirClientKey.Ec();
        var clientId = await RegisterAsync(app, key, scopes, role);
        var http = app.CreateClient();
        var (status, body) = await TokenAsync(http, Assertion(clientId, key));
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)body["access_token"]!);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirResults.ContentType));
        return (http, clientId);
    }
}
