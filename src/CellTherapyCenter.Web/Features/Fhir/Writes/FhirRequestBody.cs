using System.Text;
using System.Text.Json;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Microsoft.Net.Http.Headers;

namespace CellTherapyCenter.Web.Features.Fhir.Writes;

/// <summary>Why a request was refused: the status, the OperationOutcome, and a short reason for the audit line (never input).</summary>
public sealed record FhirRefusal(int Status, OperationOutcome Outcome, string Why, Guid? PatientId = null)
{
    public static FhirRefusal Of(int status, OperationOutcome.IssueType code, string text, string why, Guid? patientId = null) =>
        new(status, new OperationOutcome
        {
            Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = code, Diagnostics = text }],
        }, why, patientId);

    public IResult ToResult() => FhirResults.Resource(Outcome, Status);
}

/// <summary>
/// Reads the resource a write sends: FHIR JSON or plain JSON only (415), at most
/// <see cref="MaximumBytes"/> (413, checked on the declared length and again while reading, so a
/// chunked body cannot slip past), well-formed (400) and of the expected type (400).
/// </summary>
public static class FhirRequestBody
{
    /// <summary>One ALSFRS-R is a few kilobytes; a transaction of a few hundred fits too.</summary>
    public const int MaximumBytes = 1024 * 1024;

    public static async Task<(T? Resource, FhirRefusal? Refusal)> ReadAsync<T>(HttpRequest request, string expectedType) where T : Resource
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals(FhirResults.ContentType, StringComparison.OrdinalIgnoreCase)
                 || type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)))
            return (null, FhirRefusal.Of(StatusCodes.Status415UnsupportedMediaType, OperationOutcome.IssueType.NotSupported,
                "Send the resource as application/fhir+json (or application/json).", "415 content type"));
        if (request.ContentLength > MaximumBytes) return (null, TooLarge());

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaximumBytes) return (null, TooLarge());
            await buffer.WriteAsync(chunk.AsMemory(0, read), request.HttpContext.RequestAborted);
        }

        Resource? resource;
        try
        {
            resource = JsonSerializer.Deserialize<Resource>(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), FhirResults.Json);
        }
        catch (Exception e) when (e is JsonException or DeserializationFailedException or FormatException or NotSupportedException or InvalidOperationException)
        {
            // The parser's message may quote the input; the answer says where, not what.
            return (null, FhirRefusal.Of(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Structure,
                "The body is not a FHIR R4 resource in JSON: " + Where(e), "400 malformed"));
        }
        if (resource is not T typed || resource.TypeName != expectedType)
            return (null, FhirRefusal.Of(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid,
                $"This endpoint takes a {expectedType}; the body is {(resource is null ? "empty" : "a " + resource.TypeName)}.", "400 wrong resource type"));
        return (typed, null);
    }

    private static FhirRefusal TooLarge() => FhirRefusal.Of(StatusCodes.Status413PayloadTooLarge, OperationOutcome.IssueType.TooLong,
        $"The body is larger than {MaximumBytes / 1024} KiB.", "413 body too large");

    private static string Where(Exception e) => e switch
    {
        JsonException { Path: { } path } json => $"at {path}{(json.LineNumber is { } line ? $" (line {line + 1})" : "")}.",
        DeserializationFailedException failed => string.Join("; ", failed.Exceptions.Select(x => x is CodedException coded ? coded.ErrorCode : x.GetType().Name).Distinct().Take(5)) + ".",
        _ => "it could not be parsed.",
    };
}
