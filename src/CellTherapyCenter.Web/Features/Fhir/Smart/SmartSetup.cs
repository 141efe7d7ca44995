using System.Net;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Features.Fhir.Smart;

/// <summary>
/// SMART Backend Services for the FHIR API: OpenIddict's server (the client credentials grant with
/// private_key_jwt client assertions, access tokens living five minutes) and its validation, the
/// token endpoint and the SMART configuration document under /fhir.
/// </summary>
public static class SmartSetup
{
    public const string TokenPath = "/fhir/auth/token";
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddFhirSmart(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<FhirClientRegistry>();
        services.AddScoped<FhirClientAccess>();
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<RegistryDbContext>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris(TokenPath.TrimStart('/'));
                o.AllowClientCredentialsFlow();
                o.SetAccessTokenLifetime(AccessTokenLifetime);
                o.RegisterScopes([.. SmartScopes.Supported]);
                // A withdrawn client is refused by FhirClientAccess on every request; the tokens
                // themselves need no rows.
                o.DisableTokenStorage();
                o.DisableAuthorizationStorage();
                AddKeys(o, configuration);
                o.AddEventHandler(ClientAssertionRules.Descriptor);
                o.AddEventHandler(SmartAssertionType.Descriptor);
                // HTTPS is enforced for /fhir by UseFhirTransportSecurity, which allows loopback like the staff portal.
                o.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });
        return services;
    }

    /// <summary>
    /// The keys that sign and encrypt access tokens: PFX files named by <c>Fhir:SigningCertificate:Path</c>
    /// and <c>Fhir:EncryptionCertificate:Path</c> (with <c>...:Password</c>) when set, as production needs
    /// (every instance must share them); otherwise keys made in memory at start, so tokens die with the
    /// process (they live five minutes anyway) and never reach the repository or the disk. The
    /// in-memory keys are an ECDSA P-256 signing key and an AES-256 key-wrap key: OpenIddict's default
    /// two RSA keys cost about 3 s of CPU at every start on a busy 2-core machine (measured with one
    /// test app after another), which every test app paid and which doubled the web tests' time.
    /// </summary>
    private static void AddKeys(OpenIddictServerBuilder o, IConfiguration configuration)
    {
        var signing = configuration["Fhir:SigningCertificate:Path"];
        var encryption = configuration["Fhir:EncryptionCertificate:Path"];
        if (string.IsNullOrEmpty(signing)) o.AddEphemeralSigningKey(SecurityAlgorithms.EcdsaSha256);
        else o.AddSigningCertificate(X509CertificateLoader.LoadPkcs12FromFile(signing, configuration["Fhir:SigningCertificate:Password"]));
        if (string.IsNullOrEmpty(encryption)) o.AddEphemeralEncryptionKey(SecurityAlgorithms.Aes256KW);
        else o.AddEncryptionCertificate(X509CertificateLoader.LoadPkcs12FromFile(encryption, configuration["Fhir:EncryptionCertificate:Password"]));
    }

    /// <summary>Plain HTTP to /fhir only from this machine, as for the staff portal; elsewhere HTTPS (tokens travel in it).</summary>
    public static IApplicationBuilder UseFhirTransportSecurity(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/fhir") && !context.Request.IsHttps
                && context.Connection.RemoteIpAddress is { } address && !IPAddress.IsLoopback(address))
            {
                await FhirResults.WriteOutcomeAsync(context, StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Security,
                    "The FHIR API is served over HTTPS only.");
                return;
            }
            await next();
        });

    public static RouteGroupBuilder MapFhirSmart(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/.well-known/smart-configuration", (HttpContext http) => Results.Json(Configuration(http)))
            .AllowAnonymous().NoPatientData();
        fhir.MapPost("/auth/token", IssueTokenAsync).AllowAnonymous().NoPatientData().DisableAntiforgery();
        return fhir;
    }

    /// <summary>The SMART configuration (SMART App Launch 2.0, 2.0.3): what this server offers backend services, nothing more.</summary>
    private static object Configuration(HttpContext http) => new Dictionary<string, object>
    {
        ["issuer"] = BaseUri(http),
        ["token_endpoint"] = BaseUri(http) + TokenPath,
        ["token_endpoint_auth_methods_supported"] = new[] { ClientAuthenticationMethods.PrivateKeyJwt },
        ["token_endpoint_auth_signing_alg_values_supported"] = FhirClientRegistry.SigningAlgorithms,
        ["grant_types_supported"] = new[] { GrantTypes.ClientCredentials },
        ["scopes_supported"] = SmartScopes.Supported,
        ["response_types_supported"] = Array.Empty<string>(),
        ["capabilities"] = new[] { "client-confidential-asymmetric", "permission-v1", "permission-v2" },
        ["code_challenge_methods_supported"] = Array.Empty<string>(),
    };

    public static string BaseUri(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    /// <summary>
    /// Reached once OpenIddict has authenticated the client by its assertion and checked the grant and
    /// the scopes against the client's permissions: issues the access token for the registered client.
    /// </summary>
    private static async Task<IResult> IssueTokenAsync(HttpContext http, RegistryDbContext db, AuditLog audit, TimeProvider clock)
    {
        var request = http.GetOpenIddictServerRequest();
        var client = request?.ClientId is { } id ? await db.FhirClients.SingleOrDefaultAsync(c => c.ClientId == id && c.WithdrawnAt == null, http.RequestAborted) : null;
        if (request is null || !request.IsClientCredentialsGrantType() || client is null)
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

        var registered = client.Scopes.Split(' ');
        var asked = request.GetScopes();
        var granted = asked.IsEmpty ? registered : asked.Intersect(registered, StringComparer.Ordinal).ToArray();
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, client.ClientId);
        identity.SetClaim(Claims.Name, client.Name);
        identity.SetScopes(granted);
        identity.SetDestinations(_ => [Destinations.AccessToken]);

        client.LastTokenAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(http.RequestAborted);
        await audit.WriteAsync(FhirAuditActions.TokenIssued, FhirAuditActions.EntityType, client.ClientId, null, string.Join(' ', granted),
            http.RequestAborted, userName: $"{client.Name} ({FhirClientAccess.ClientIdPrefix}{client.ClientId})", userId: FhirClientAccess.ClientIdPrefix + client.ClientId);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
