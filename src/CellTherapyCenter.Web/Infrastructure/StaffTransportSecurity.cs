using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// Staff and patient-portal sessions carry health data, so their cookies are Secure whenever the
/// request is HTTPS, and both portals refuse plain HTTP except from this machine itself (loopback never leaves
/// the host, which keeps the no-setup run command usable). Behind a TLS-terminating reverse
/// proxy, X-Forwarded-For and X-Forwarded-Proto are read only from the addresses listed in
/// <c>ForwardedHeaders:KnownProxies</c> (none by default, loopback included): from anyone else
/// they are ignored, so rate limits and audit addresses cannot be spoofed. HTTPS answers carry
/// HSTS (a year, subdomains included), except to localhost and loopback addresses.
/// </summary>
public static class StaffTransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only the configured proxies are trusted here.
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return services;
    }

    public static IApplicationBuilder UseStaffTransportSecurity(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        app.UseHsts();
        return app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if ((path.StartsWithSegments("/staff") || path.StartsWithSegments("/portal")) && !context.Request.IsHttps && !IsLoopback(context.Connection.RemoteIpAddress))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("This part of the site is served over HTTPS only. Open it with https://, or call the clinic.");
                return;
            }
            await next();
        });
    }

    // TestServer and some hosts give no address: those requests come from inside the process.
    private static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);
}
