using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CellTherapyCenter.Web.Infrastructure.Sessions;

public static class SessionSetup
{
    /// <summary>Server-side sessions on the sign-in cookie, <c>__Host-</c> cookie names over HTTPS, and the back-off of failed sign-ins.</summary>
    public static IServiceCollection AddSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SessionOptions>(configuration.GetSection(SessionOptions.Section));
        services.AddScoped<SessionStore>();
        services.AddScoped<SignInAttempts>();
        services.AddScoped<OwnSessions>();
        // Every Identity cookie (the sign-in, the second-factor step's, external) gets the prefix over HTTPS.
        services.ConfigureAll<CookieAuthenticationOptions>(o => o.CookieManager = new HostPrefixCookieManager());
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, SessionCookies.Attach);
        return services;
    }
}
