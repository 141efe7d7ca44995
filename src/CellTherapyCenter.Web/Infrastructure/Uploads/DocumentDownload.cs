namespace CellTherapyCenter.Web.Infrastructure.Uploads;

/// <summary>
/// How an uploaded document leaves the site: as an attachment with the type detected at upload,
/// never sniffed, and under a sandbox CSP, so that even a file a browser chose to render would run
/// no script and load nothing in the site's origin.
/// </summary>
public static class DocumentDownload
{
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'";

    public static IResult File(HttpResponse response, byte[] content, string contentType, string fileName)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        // A download name makes the result send "Content-Disposition: attachment".
        return TypedResults.File(content, contentType, fileName);
    }
}
