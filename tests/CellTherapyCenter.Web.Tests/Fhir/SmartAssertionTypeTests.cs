using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>
/// SMART Backend Services' own client assertion (JOSE <c>typ: JWT</c>, <c>aud</c> = the token URL)
/// against the real token endpoint on both databases: it gets a token, and every rule that holds for
/// OpenIddict's RFC 7523bis assertions still holds for it; other types stay refused.
/// </summary>
public sealed class SmartAssertionTypeTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private const string TokenUrl = FhirTestClient.TokenUrl;
    private const string Smart = "JWT";

    [Theory, EveryDatabase]
    public async Task An_assertion_typed_JWT_and_addressed_to_the_token_url_gets_a_token_that_reads(DatabaseProvider database)
    {
        var app = apps[database];
        using var http = app.CreateClient();
        // typ is a media type, compared without regard to case (RFC 7515): "jwt" is the same type.
        foreach (var (key, type) in new[] { (FhirClientKey.Rsa(), Smart), (FhirClientKey.Ec(), "jwt") })
        {
            var clientId = await FhirTestClient.RegisterAsync(app, key, "system/*.read");
            var (status, token) = await FhirTestClient.TokenAsync(http, FhirTestClient.Assertion(clientId, key, audience: TokenUrl, type: type));
            Assert.True(status == HttpStatusCode.OK, token.ToJsonString());
            Assert.InRange((int)token["expires_in"]!, 290, 300);

            using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/Patient?_count=0");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (string)token["access_token"]!);
            using var search = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        }
    }

    [Theory, EveryDatabase]
    public async Task A_JWT_typed_assertion_keeps_every_rule_and_other_types_stay_refused(DatabaseProvider database)
    {
        var app = apps[database];
        using var http = app.CreateClient();
        var key = FhirClientKey.Rsa();
        var clientId = await FhirTestClient.RegisterAsync(app, key, "system/*.read");
        var other = await FhirTestClient.RegisterAsync(app, FhirClientKey.Rsa(), "system/*.read");

        var refused = new (string Why, string Assertion)[]
        {
            ("an access token's type", FhirTestClient.Assertion(clientId, key, audience: TokenUrl, type: "at+jwt")),
            ("an access token's type, to the issuer", FhirTestClient.Assertion(clientId, key, type: "at+jwt")),
            ("an identity token's media type", FhirTestClient.Assertion(clientId, key, audience: TokenUrl, type: "application/JWT")),
            ("no typ at all", Untyped(clientId, key)),
            ("another key", FhirTestClient.Assertion(clientId, FhirClientKey.Rsa(), audience: TokenUrl, type: Smart)),
            ("expired", FhirTestClient.Assertion(clientId, key, audience: TokenUrl, type: Smart, expires: DateTime.UtcNow.AddMinutes(-2))),
            ("expiring in 30 minutes", FhirTestClient.Assertion(clientId, key, audience: TokenUrl, type: Smart, expires: DateTime.UtcNow.AddMinutes(30))),
            ("another server's token url", FhirTestClient.Assertion(clientId, key, audience: "https://elsewhere.example/fhir/auth/token", type: Smart)),
            // Each type keeps its own audience: SMART's the token URL, RFC 7523bis's the issuer.
            ("JWT to the issuer", FhirTestClient.Assertion(clientId, key, type: Smart)),
            ("client-authentication+jwt to the token url", FhirTestClient.Assertion(clientId, key, audience: TokenUrl)),
            ("sub naming another client", FhirTestClient.Assertion(clientId, key, audience: TokenUrl, type: Smart, subject: other)),
        };
        foreach (var (why, assertion) in refused)
        {
            var (status, body) = await FhirTestClient.TokenAsync(http, assertion);
            Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized && !body.ContainsKey("access_token") && body.ContainsKey("error"),
                $"{why}: {(int)status} {body.ToJsonString()}");
        }

        var once = FhirTestClient.Assertion(clientId, key, audience: TokenUrl, type: Smart);
        Assert.Equal(HttpStatusCode.OK, (await FhirTestClient.TokenAsync(http, once)).Status);
        var again = await FhirTestClient.TokenAsync(http, once);
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client", false), (again.Status, (string?)again.Body["error"], again.Body.ContainsKey("access_token")));
    }

    /// <summary>
    /// An assertion with no typ in its header, signed by hand: IdentityModel's token handler always
    /// writes one, and OpenIddict's own type check reads a missing typ as "JWT".
    /// </summary>
    private static string Untyped(string clientId, FhirClientKey key)
    {
        var now = DateTimeOffset.UtcNow;
        var header = new JsonObject { ["alg"] = key.Algorithm, ["kid"] = key.Private.KeyId };
        var payload = new JsonObject
        {
            ["iss"] = clientId, ["sub"] = clientId, ["aud"] = TokenUrl, ["jti"] = Guid.NewGuid().ToString(),
            ["iat"] = now.ToUnixTimeSeconds(), ["nbf"] = now.ToUnixTimeSeconds(), ["exp"] = now.AddMinutes(4).ToUnixTimeSeconds(),
        };
        var signed = Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(payload.ToJsonString());
        var signer = key.Private.CryptoProviderFactory.CreateForSigning(key.Private, key.Algorithm);
        try
        {
            return signed + "." + Base64UrlEncoder.Encode(signer.Sign(Encoding.ASCII.GetBytes(signed)));
        }
        finally
        {
            key.Private.CryptoProviderFactory.ReleaseSignatureProvider(signer);
        }
    }
}
