namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// Refuses a request whose query string or URL-encoded form holds a NUL character (400). No person
/// types one; PostgreSQL cannot store or even compare text holding it, so it would otherwise end as a
/// 500 wherever a value reaches a query (found by the property tests in Fuzz/FormFuzzTests).
/// Multipart forms are left to their pages: they carry files, whose bytes may be anything.
/// </summary>
public static class NulCharacterRefusal
{
    public static IApplicationBuilder UseNulCharacterRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var refused = HasNul(request.Query);
        if (!refused && HttpMethods.IsPost(request.Method) && request.HasFormContentType
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            try { refused = HasNul(await request.ReadFormAsync(context.RequestAborted)); }
            catch (InvalidDataException) { refused = true; } // a malformed or over-long form body
        }
        if (refused)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await next(context);
    });

    private static bool HasNul(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values) =>
        values.Any(pair => pair.Key.Contains('\0', StringComparison.Ordinal)
            || pair.Value.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal)));
}
