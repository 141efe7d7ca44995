using System.Security.Claims;
using CellTherapyCenter.Web.Features.Portal;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace CellTherapyCenter.Web.Infrastructure.Sessions;

/// <summary>
/// Ties the sign-in cookie to a <see cref="SignInSession"/> row: a new sign-in starts one, a renewal
/// of the same sign-in (a security-stamp refresh, a refreshed sign-in after enrolment) keeps it, and
/// every request is refused unless its row is live. Identity's own security-stamp check runs after.
/// </summary>
internal static class SessionCookies
{
    public static void Attach(CookieAuthenticationOptions o)
    {
        var validate = o.Events.OnValidatePrincipal;
        var signingIn = o.Events.OnSigningIn;
        o.Events.OnSigningIn = async context =>
        {
            await signingIn(context);
            await StartOrKeepAsync(context);
        };
        o.Events.OnValidatePrincipal = async context =>
        {
            if (!await IsLiveAsync(context))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            await validate(context);
        };
    }

    private static async Task StartOrKeepAsync(CookieSigningInContext context)
    {
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return;
        var store = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        var ct = context.HttpContext.RequestAborted;
        if (SessionStore.Id(context.Properties) is { } id && await store.IsOpenAsync(id, userId, ct)) return;
        context.Properties.Items[SessionStore.PropertyKey] = (await store.StartAsync(userId, context.HttpContext.Request.Headers.UserAgent.ToString(), ct)).ToString();
    }

    private static async Task<bool> IsLiveAsync(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        // A cookie from before sessions existed, or one without a user, opens nothing.
        if (userId is null || SessionStore.Id(context.Properties) is not { } id) return false;
        var services = context.HttpContext.RequestServices;
        // Portal sessions (patients and caregivers) have their own idle timeout.
        var portal = (await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(context.Principal!, PortalAccess.Policy)).Succeeded;
        return await services.GetRequiredService<SessionStore>().CheckAsync(id, userId, portal, context.HttpContext.RequestAborted);
    }
}

/// <summary>
/// Over HTTPS the authentication cookies are named <c>__Host-…</c>: browsers then accept them only
/// Secure, for the whole site (Path=/) and for this host alone (no Domain), so neither a sibling
/// subdomain nor a plain-HTTP page can plant or overwrite one. Plain HTTP (loopback development only)
/// keeps the bare name, which browsers would otherwise refuse.
/// </summary>
internal sealed class HostPrefixCookieManager : ICookieManager
{
    public const string Prefix = "__Host-";
    private readonly ChunkingCookieManager _inner = new();

    private static string Name(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key : key;

    private static CookieOptions Host(HttpContext context, CookieOptions options)
    {
        if (!context.Request.IsHttps) return options;
        options.Secure = true;
        options.Path = "/";
        options.Domain = null;
        return options;
    }

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, Name(context, key), value, Host(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, Name(context, key), Host(context, options));
}
