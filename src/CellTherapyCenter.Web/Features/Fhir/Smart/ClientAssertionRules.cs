using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Fhir;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CellTherapyCenter.Web.Features.Fhir.Smart;

/// <summary>
/// SMART Backend Services' rules for a client assertion that OpenIddict does not apply itself, checked
/// after OpenIddict has verified its signature against the client's registered keys, its issuer,
/// subject and audience: the token endpoint takes only assertions (no client secrets), signed RS384 or
/// ES384, with a jti, expiring at most five minutes ahead; and each jti is taken once (a row keyed by
/// client and jti, kept until the assertion expires), so a copied assertion is refused.
/// </summary>
public sealed class ClientAssertionRules(RegistryDbContext db, TimeProvider clock) : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    public static readonly TimeSpan LongestLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The leeway for clocks running a little apart.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<ClientAssertionRules>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientAssertion.Descriptor.Order + 10_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EndpointType != OpenIddictServerEndpointType.Token) return;
        if (context.ClientAssertionPrincipal is null || string.IsNullOrEmpty(context.ClientAssertion))
        {
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "Authenticate with a client assertion signed by the client's private key (private_key_jwt).");
            return;
        }
        var assertion = new JsonWebToken(context.ClientAssertion);
        if (!FhirClientRegistry.SigningAlgorithms.Contains(assertion.Alg, StringComparer.Ordinal))
        {
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client assertion must be signed with RS384 or ES384.");
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (string.IsNullOrEmpty(assertion.Id) || assertion.Id.Length > Data.FieldLengths.Reason)
        {
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client assertion needs a jti of at most 500 characters.");
            return;
        }
        // OpenIddict checks expiry with the token handler's default five-minute clock skew, as long
        // as the assertion's whole lifetime: ours is 30 seconds.
        if (assertion.ValidTo < now - ClockSkew)
        {
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client assertion has expired: make a new one for each token request.");
            return;
        }
        if (assertion.ValidTo > now + LongestLifetime + ClockSkew)
        {
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client assertion must expire within five minutes.");
            return;
        }

        db.FhirAssertionUses.Add(new FhirAssertionUse { ClientId = assertion.Issuer, Jti = assertion.Id, ExpiresAt = assertion.ValidTo });
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "This client assertion was used before: make a new one, with a new jti, for each token request.");
            return;
        }
        // Expired uses cannot be replayed any more (the assertion itself is refused): no need to keep them.
        await db.FhirAssertionUses.Where(u => u.ExpiresAt < now - ClockSkew).ExecuteDeleteAsync(context.CancellationToken);
    }
}
