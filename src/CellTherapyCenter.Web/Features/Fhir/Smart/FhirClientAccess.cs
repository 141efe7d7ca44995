using System.Security.Claims;
using CellTherapyCenter.Web.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using Claim = System.Security.Claims.Claim;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Features.Fhir.Smart;

/// <summary>The scope an endpoint of the FHIR API needs: an interaction on a resource type.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class FhirScopeAttribute(string resourceType, SmartPermissions needed) : Attribute
{
    public string ResourceType { get; } = resourceType;
    public SmartPermissions Needed { get; } = needed;
}

/// <summary>
/// Authenticates the caller of a FHIR endpoint by its access token (OpenIddict validation, never the
/// staff cookie), refuses a withdrawn client's token from its next request on, and checks the
/// endpoint's <see cref="FhirScopeAttribute"/>. The request's user becomes the client, named by its
/// client id and name and holding its role, so the audit trail (HttpAuditActor) and the role-based
/// decisions (<see cref="StaffPolicies.Grants"/>) see the client. Refusals are audited and answered
/// with an OperationOutcome: 401 with WWW-Authenticate for no, invalid, expired or withdrawn tokens,
/// 403 for a missing scope.
/// </summary>
public sealed class FhirClientAccess(FhirClientRegistry registry, AuditLog audit) : IEndpointFilter
{
    public const string AuthenticationType = "fhir-client";
    public const string ClientIdPrefix = "fhir-client:";

    /// <summary>
    /// The request's path as the entity id of a refusal's audit line, cut to the column's 100
    /// characters (a history address is longer; PostgreSQL refuses an over-long value).
    /// </summary>
    public static string AuditPath(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var path = http.Request.Path.Value ?? "";
        return path.Length <= 100 ? path : path[..100];
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var result = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        var hasToken = http.Request.Headers.Authorization.Count > 0;
        var clientId = result.Principal?.GetClaim(OpenIddictConstants.Claims.Subject);
        var client = result.Succeeded ? await registry.FindActiveAsync(clientId, http.RequestAborted) : null;
        if (client is null)
        {
            var why = !hasToken ? "no access token" : !result.Succeeded ? "invalid or expired access token" : "withdrawn client";
            await audit.WriteAsync(FhirAuditActions.Refused, "Fhir", AuditPath(http), null, $"401 {why}", http.RequestAborted,
                userName: clientId is null ? null : ClientIdPrefix + clientId);
            http.Response.Headers.WWWAuthenticate = hasToken ? "Bearer error=\"invalid_token\"" : "Bearer";
            return FhirResults.Outcome(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login,
                hasToken ? "The access token is not valid (expired, malformed, or its client is withdrawn): ask the token endpoint for a new one."
                    : "This API needs an access token from the token endpoint (SMART Backend Services).");
        }

        var scopes = result.Principal!.GetScopes();
        var identity = new ClaimsIdentity(AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, ClientIdPrefix + client.ClientId));
        identity.AddClaim(new Claim(ClaimTypes.Name, $"{client.Name} ({ClientIdPrefix}{client.ClientId})"));
        identity.AddClaim(new Claim(ClaimTypes.Role, client.Role));
        foreach (var scope in scopes) identity.AddClaim(new Claim(OpenIddictConstants.Claims.Scope, scope));
        http.User = new ClaimsPrincipal(identity);

        if (http.GetEndpoint()?.Metadata.GetMetadata<FhirScopeAttribute>() is { } needed
            && !SmartScopes.Allows(scopes, needed.ResourceType, needed.Needed))
        {
            await audit.WriteAsync(FhirAuditActions.Refused, "Fhir", AuditPath(http), null, $"403 scope for {needed.ResourceType} {needed.Needed}", http.RequestAborted);
            return FhirResults.Outcome(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
                $"The access token's scopes do not allow this: it needs a scope granting {needed.Needed} on {needed.ResourceType}, e.g. system/{needed.ResourceType}.read or system/*.read.");
        }
        return await next(context);
    }
}
