using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// Staff and patient-portal sessions carry health data, so their cookies are Secure whenever the
/// request is HTTPS, and both portals refuse plain HTTP except from this machine itself (loopback never leaves
/// the host, which keeps the no-setup run command usable). Behind a TLS-terminating reverse
/// proxy on loopback, X-Forwarded-Proto tells the app the original request was HTTPS.
/// </summary>
public static class StaffTransportSecurity
{
    public static IApplicationBuilder UseStaffTransportSecurity(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
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
