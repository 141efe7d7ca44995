using Microsoft.AspNetCore.Http.HttpResults;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>The read audit declarations for minimal API endpoints, as metadata the endpoint walk can see.</summary>
public static class ReadAuditEndpoints
{
    /// <summary>Declares what the endpoint reads; <see cref="ReadAuditEndpointFilter"/> writes the line before the result executes.</summary>
    public static RouteHandlerBuilder ReadsPatientData(this RouteHandlerBuilder builder, string entityType, string? detail = null) =>
        builder.WithMetadata(new ReadsPatientDataAttribute(entityType, detail)).AddEndpointFilter<ReadAuditEndpointFilter>();

    /// <summary>Declares that the endpoint shows no patient data.</summary>
    public static TBuilder NoPatientData<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NoPatientDataAttribute());
}

/// <summary>
/// The endpoint form of <see cref="ReadAuditPageFilter"/>: writes the declared read's lines after the
/// handler returns and before its result executes; a declared handler that returns data without naming
/// what it read gets a 500 problem instead.
/// </summary>
public sealed class ReadAuditEndpointFilter(PatientReadAudit audit, ILogger<ReadAuditEndpointFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var declared = http.GetEndpoint()?.Metadata.GetMetadata<ReadsPatientDataAttribute>();
        audit.Declare(declared);
        var result = await next(context);
        var outcome = Outcome(result);
        if (outcome == ReadAuditOutcome.Refused) { audit.Discard(); return result; }
        if (outcome == ReadAuditOutcome.Data && declared is not null && !audit.Accounted)
        {
            audit.Discard();
            logger.LogError("Endpoint {Endpoint} declares a read of {EntityType} but its handler named none; the answer was not sent",
                http.GetEndpoint()?.DisplayName, declared.EntityType);
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError);
        }
        await audit.WriteAsync(http.RequestAborted);
        return result;
    }

    private static ReadAuditOutcome Outcome(object? result) => result switch
    {
        IStatusCodeHttpResult { StatusCode: >= 400 } => ReadAuditOutcome.Refused,
        ForbidHttpResult or ChallengeHttpResult or UnauthorizedHttpResult or SignOutHttpResult => ReadAuditOutcome.Refused,
        RedirectHttpResult or RedirectToRouteHttpResult => ReadAuditOutcome.Redirect,
        IStatusCodeHttpResult { StatusCode: >= 300 } => ReadAuditOutcome.Redirect,
        _ => ReadAuditOutcome.Data,
    };
}
