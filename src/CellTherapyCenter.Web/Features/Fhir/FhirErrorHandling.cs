using CellTherapyCenter.Web.Features.Fhir.Smart;
using Hl7.Fhir.Model;
using Microsoft.Net.Http.Headers;

namespace CellTherapyCenter.Web.Features.Fhir;

/// <summary>
/// Under /fhir every error is an OperationOutcome (application/fhir+json), never a page, a
/// ProblemDetails or a stack trace: an exception answers 500 with no detail (logged once, without
/// the request's data); a status answered without a body (404 of an unknown address, 405 of a wrong
/// method, 400 of a refused NUL character) gets an outcome for its status; an Accept header or
/// _format that excludes JSON answers 406; a body that is not JSON answers 415. First in the
/// pipeline, so the staff portal's error pages never see a FHIR request (ErrorResponses skips /fhir).
/// </summary>
public static class FhirErrorHandling
{
    public static bool IsFhir(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments("/fhir");
    }

    public static IApplicationBuilder UseFhirErrors(this IApplicationBuilder app) =>
        app.UseWhen(IsFhir, fhir => fhir.Use(async (context, next) =>
        {
            if (!AcceptsJson(context))
            {
                await FhirResults.WriteOutcomeAsync(context, StatusCodes.Status406NotAcceptable, OperationOutcome.IssueType.NotSupported,
                    "This server answers in JSON only (application/fhir+json).");
                return;
            }
            if (HasNonJsonBody(context))
            {
                await FhirResults.WriteOutcomeAsync(context, StatusCodes.Status415UnsupportedMediaType, OperationOutcome.IssueType.NotSupported,
                    "This server takes resources as application/fhir+json only.");
                return;
            }
            try
            {
                await next(context);
            }
            catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FhirErrorHandling).FullName!)
                    .LogError(e, "FHIR request {Method} {Endpoint} failed", context.Request.Method, context.GetEndpoint()?.DisplayName);
                context.Response.Clear();
                await FhirResults.WriteOutcomeAsync(context, StatusCodes.Status500InternalServerError, OperationOutcome.IssueType.Exception,
                    "The server could not answer this request; the error is logged.");
                return;
            }
            var response = context.Response;
            if (!response.HasStarted && response.StatusCode >= 400 && response.ContentType is null && response.ContentLength is null or 0)
                await FhirResults.WriteOutcomeAsync(context, response.StatusCode, IssueType(response.StatusCode), Text(response.StatusCode));
        }));

    /// <summary>Whether the client takes JSON: no Accept header, or one naming a JSON type or a wildcard; and _format, if given, is JSON.</summary>
    private static bool AcceptsJson(HttpContext context)
    {
        if (context.Request.Query.TryGetValue("_format", out var formats)
            && formats.Any(f => f is not ("json" or "application/json" or "application/fhir+json" or "application/json+fhir")))
            return false;
        var accept = context.Request.GetTypedHeaders().Accept;
        return accept.Count == 0 || accept.Any(a => a.Quality is not 0 && a.MediaType.Value is { } m
            && (m is "*/*" or "application/*" || m.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || m.Equals("application/fhir+json", StringComparison.OrdinalIgnoreCase) || m.Equals("application/json+fhir", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>A request with a body that is not JSON (the token endpoint takes its form, as OAuth wants).</summary>
    private static bool HasNonJsonBody(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(SmartSetup.TokenPath)) return false;
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        return hasBody && !Errors.ErrorResponses.HasJsonBody(request);
    }

    private static OperationOutcome.IssueType IssueType(int status) => status switch
    {
        400 => OperationOutcome.IssueType.Invalid,
        401 => OperationOutcome.IssueType.Login,
        403 => OperationOutcome.IssueType.Forbidden,
        404 => OperationOutcome.IssueType.NotFound,
        405 or 406 or 415 => OperationOutcome.IssueType.NotSupported,
        409 or 412 => OperationOutcome.IssueType.Conflict,
        429 => OperationOutcome.IssueType.Throttled,
        >= 500 => OperationOutcome.IssueType.Exception,
        _ => OperationOutcome.IssueType.Processing,
    };

    private static string Text(int status) => status switch
    {
        400 => "The request is malformed.",
        401 => "This API needs an access token from the token endpoint (SMART Backend Services).",
        403 => "The request is not allowed.",
        404 => "There is nothing at this address (see /fhir/metadata for what this server offers).",
        405 => "This address does not take this method (see /fhir/metadata for the interactions).",
        429 => "Too many requests: try again later.",
        >= 500 => "The server could not answer this request; the error is logged.",
        _ => "The request was refused.",
    };
}
