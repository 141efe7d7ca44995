using Microsoft.Net.Http.Headers;

namespace CellTherapyCenter.Web.Features.Errors;

/// <summary>
/// How errors reach clients. API clients (an /api address, or an Accept header that asks for JSON
/// and not HTML) get ProblemDetails; browsers get the friendly <see cref="ErrorModel"/> page with
/// the original status, in the page's language. Unknown public addresses answer 404 instead of
/// the sign-in page, and a wrong method or content type answers 405 or 415 before authorisation
/// can turn it into 401.
/// </summary>
public static class ErrorResponses
{
    // The display names ASP.NET Core's routing gives the endpoints it makes for a wrong method or
    // content type (HttpMethodMatcherPolicy, AcceptsMatcherPolicy); checked by HttpErrorTests.
    public const string MethodNotAllowedEndpoint = "405 HTTP Method Not Supported";
    public const string UnsupportedMediaTypeEndpoint = "415 HTTP Unsupported Media Type";

    /// <summary>An /api address, or a client that asks for JSON and not for HTML.</summary>
    public static bool WantsProblemDetails(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments("/api")) return true;
        var accept = context.Request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return false;
        var json = accept.Any(a => a.MediaType.Value is { } m && (m.Equals("application/json", StringComparison.OrdinalIgnoreCase) || m.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));
        var html = accept.Any(a => a.MediaType.Value is { } m && (m.Equals("text/html", StringComparison.OrdinalIgnoreCase) || m.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)));
        return json && !html;
    }

    /// <summary>The exception handler and the status-code pages, first in the pipeline.</summary>
    public static IApplicationBuilder UseErrorResponses(this IApplicationBuilder app)
    {
        // ProblemDetails (AddProblemDetails): the exception handler logs the exception once, the answer carries no trace.
        // /fhir answers its own errors as OperationOutcomes (Fhir/FhirErrorHandling, before this).
        app.UseWhen(c => WantsProblemDetails(c) && !Fhir.FhirErrorHandling.IsFhir(c), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !WantsProblemDetails(c) && !Fhir.FhirErrorHandling.IsFhir(c), browser =>
        {
            browser.UseExceptionHandler("/error");
            browser.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }

    /// <summary>Right after routing: 404 for unknown public addresses, 405/415 for a wrong method or content type, whoever asks.</summary>
    public static IApplicationBuilder UseRouteErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // API answers are data to save, never a page to render (ASVS 14.4.2), errors included.
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.Headers.ContentDisposition = "attachment; filename=\"api.json\"";
        var endpoint = context.GetEndpoint();
        if (endpoint is null && !IsSignedInArea(context.Request.Path))
        {
            // Nothing here: the sign-in page would only suggest there is something behind it.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (endpoint is { DisplayName: MethodNotAllowedEndpoint or UnsupportedMediaTypeEndpoint, RequestDelegate: { } answer })
        {
            await answer(context);
            return;
        }
        await next(context);
    });

    /// <summary>
    /// After authentication: a signed-in visitor (a portal patient, or staff) at an unknown address
    /// under /staff or /portal gets 404, not the sign-in page or the staff access-denied page the
    /// fallback policy would send a portal account to.
    /// </summary>
    public static IApplicationBuilder UseSignedInRouteErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint() is null && context.User.Identity?.IsAuthenticated == true)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next(context);
    });

    // Under /staff and /portal an anonymous visitor is still sent to sign in, whether or not the address exists.
    private static bool IsSignedInArea(PathString path) => path.StartsWithSegments("/staff") || path.StartsWithSegments("/portal");

    /// <summary>Whether a request's Content-Type is JSON (application/json or a +json type).</summary>
    public static bool HasJsonBody(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Value is { } m
            && (m.Equals("application/json", StringComparison.OrdinalIgnoreCase) || m.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
