using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// Per-address limits on forms that anyone can post. Lockout protects one account; this stops one
/// address from trying many accounts. Configurable under RateLimits (requests per minute).
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    /// <summary>Posts of the public request form, per address and hour (RateLimits:InquiriesPerHour); reading the form is never limited.</summary>
    public const string Inquiries = "inquiries";

    public static IServiceCollection AddFormRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimits:SignInPerMinute", 30);
        var inquiriesPerHour = configuration.GetValue("RateLimits:InquiriesPerHour", 10);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(Inquiries, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = inquiriesPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
            o.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(TooManyRequestsPage(seconds), ct);
            };
        });
    }

    /// <summary>A small page that says when to try again, in minutes when it is more than a couple of them.</summary>
    public static string TooManyRequestsPage(int seconds)
    {
        var wait = seconds <= 120 ? $"{seconds} seconds" : $"{(int)Math.Ceiling(seconds / 60.0)} minutes";
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Please wait a little</title><link rel="stylesheet" href="/css/site.css" /></head>
            <body><main id="main"><h1>Please wait a little</h1>
            <p>Too many requests have come from your address in a short time. Please try again in {wait}.</p>
            <p>Nothing you sent before was lost. If it is urgent, call the clinic.</p>
            <p><a href="/">Home page</a></p></main></body></html>
            """;
    }
}
