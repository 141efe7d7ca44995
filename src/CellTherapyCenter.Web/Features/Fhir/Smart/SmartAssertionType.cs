using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CellTherapyCenter.Web.Features.Fhir.Smart;

/// <summary>
/// Lets a client assertion typed as SMART Backend Services writes it (JOSE header <c>typ: JWT</c>,
/// <c>aud</c> = the token endpoint's URL) in beside the RFC 7523bis kind OpenIddict 7 takes
/// (<c>typ: client-authentication+jwt</c>, <c>aud</c> = the issuer). Nothing else changes: OpenIddict
/// still checks the signature against the client's registered keys, <c>iss</c> = <c>sub</c> = the
/// client, the audience and the expiry, and <see cref="ClientAssertionRules"/> still checks the
/// algorithm, the five-minute lifetime and the one use of each <c>jti</c>.
/// </summary>
/// <remarks>
/// Each type keeps its own audience: RFC 7523bis makes the issuer the only audience of its typed
/// assertions (a token URL there is what the audience-injection attack on private_key_jwt abused),
/// while SMART 2.0 names the token URL for its <c>JWT</c> ones. Only an explicit <c>typ</c> of
/// <c>JWT</c> is let in (in any case: RFC 7515 compares <c>typ</c>, a media type, case-insensitively, so <c>jwt</c> is the same type): OpenIddict's type check reads a missing <c>typ</c> as <c>JWT</c>, so adding
/// <c>JWT</c> to its valid types would also let untyped tokens through. An access token
/// (<c>at+jwt</c>) or any other type stays refused.
/// </remarks>
public sealed class SmartAssertionType : IOpenIddictServerHandler<ValidateTokenContext>
{
    /// <summary>The assertion type SMART App Launch 2.x Backend Services prescribes.</summary>
    public const string SmartType = "JWT";

    /// <summary>The type OpenIddict 7 validates client assertions as (RFC 7523bis).</summary>
    public const string ClientAuthenticationType = "client-authentication+jwt";

    private const string ClientAssertionTokenType = "urn:openiddict:params:oauth:token-type:client_assertion";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<SmartAssertionType>()
            // After OpenIddict has chosen the client-assertion parameters and trimmed the token,
            // before it validates the token with them.
            .SetOrder(OpenIddictServerHandlers.Protection.RemoveDisallowedCharacters.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ValidTokenTypes.Count != 1 || !context.ValidTokenTypes.Contains(ClientAssertionTokenType)
            || context.TokenValidationParameters is null || !HasSmartType(context.Token))
            return ValueTask.CompletedTask;

        var parameters = context.TokenValidationParameters.Clone();
        var validate = parameters.TypeValidator;
        // Validated as the RFC 7523bis type, so OpenIddict maps the result to a client assertion as it
        // does for its own kind (a "JWT" result would otherwise be read as an identity token).
        parameters.TypeValidator = (type, token, p) =>
            string.Equals(type, SmartType, StringComparison.OrdinalIgnoreCase) ? ClientAuthenticationType
                : validate is null ? throw new SecurityTokenInvalidTypeException("Unexpected assertion type.") { InvalidType = type } : validate(type, token, p);
        context.TokenValidationParameters = parameters;

        var issuer = context.Options.Issuer ?? context.BaseUri;
        if (issuer is null) return ValueTask.CompletedTask;
        context.ValidAudiences.Clear();
        context.ValidAudiences.Add(TokenEndpoint(issuer));
        return ValueTask.CompletedTask;
    }

    /// <summary>The token endpoint's absolute URL, as the SMART configuration document names it.</summary>
    public static string TokenEndpoint(Uri issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var root = issuer.AbsoluteUri.EndsWith('/') ? issuer.AbsoluteUri : issuer.AbsoluteUri + "/";
        return root + SmartSetup.TokenPath.TrimStart('/');
    }

    /// <summary>Whether the token is a JWS whose header says <c>typ: JWT</c> in so many words (not a missing typ).</summary>
    private static bool HasSmartType(string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        try
        {
            var jwt = new JsonWebToken(token);
            return !jwt.IsEncrypted && jwt.TryGetHeaderValue<string>(JwtHeaderParameterNames.Typ, out var typ)
                && string.Equals(typ, SmartType, StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false; // Not a JWT (SecurityTokenMalformedException is one): OpenIddict refuses it as it does now.
        }
    }
}
