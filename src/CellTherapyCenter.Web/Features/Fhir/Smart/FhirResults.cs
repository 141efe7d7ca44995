using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Features.Fhir.Smart;

/// <summary>Answers of the FHIR API: resources as application/fhir+json, errors as an OperationOutcome.</summary>
public static class FhirResults
{
    public const string ContentType = "application/fhir+json";

    public static JsonSerializerOptions Json { get; } = new JsonSerializerOptions().ForFhir();

    public static IResult Resource(Resource resource, int status = StatusCodes.Status200OK) => new FhirJson(resource, status);

    /// <summary>An OperationOutcome with one issue; the text is ours and never names a patient or echoes input.</summary>
    public static IResult Outcome(int status, OperationOutcome.IssueType code, string text) =>
        Resource(new OperationOutcome
        {
            Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = code, Diagnostics = text }],
        }, status);

    public static Task WriteOutcomeAsync(HttpContext http, int status, OperationOutcome.IssueType code, string text) =>
        Outcome(status, code, text).ExecuteAsync(http);

    /// <summary>
    /// A resource serialised straight into the response in UTF-8 through pooled buffers. A string of the
    /// whole answer first (UTF-16, twice its size) put search Bundles of a few dozen resources on the
    /// large object heap, whose collections are the expensive ones.
    /// </summary>
    private sealed class FhirJson(Resource resource, int status) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
    {
        public int? StatusCode => status;

        public string ContentType => FhirResults.ContentType + "; charset=utf-8";

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = ContentType;
            await JsonSerializer.SerializeAsync(httpContext.Response.Body, resource, resource.GetType(), Json, httpContext.RequestAborted);
        }
    }
}
