using System.Globalization;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Fhir;
using CellTherapyCenter.Web.Features.Fhir.Resources;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Infrastructure;
using Hl7.Fhir.Model;

namespace CellTherapyCenter.Web.Features.Fhir.Writes;

/// <summary>
/// The answer to a write: <c>ETag: W/"{versionId}"</c> (the record's concurrency stamp, 32 hex
/// digits, as meta.versionId), <c>Location: /fhir/{Type}/{id}/_history/{versionId}</c>,
/// <c>Last-Modified</c>, and the body the client prefers: the resource (return=representation, the
/// default), nothing (return=minimal) or an OperationOutcome (return=OperationOutcome).
/// </summary>
public static class FhirWriteAnswer
{
    /// <summary>The one definition the reads use too (<see cref="RegistryToFhir.VersionId"/>), so an ETag a write answers is one a read answers.</summary>
    public static string VersionId(RegistryRecord record) => RegistryToFhir.VersionId(record);

    public static string ETag(RegistryRecord record) => $"W/\"{VersionId(record)}\"";

    /// <summary>The version an If-Match header names (<c>W/"…"</c> or <c>"…"</c>), or null when it names none we could have issued.</summary>
    public static Guid? ParseETag(string? header)
    {
        var text = header?.Trim() ?? "";
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        return Guid.TryParseExact(text, "N", out var version) ? version : null;
    }

    public static string Location(string resourceType, RegistryRecord record) =>
        $"/fhir/{resourceType}/{RegistryToFhir.Id(record.Id)}/_history/{VersionId(record)}";

    public static string LastModified(RegistryRecord record) =>
        new DateTimeOffset(DateTime.SpecifyKind(record.UpdatedAt ?? record.CreatedAt, DateTimeKind.Utc)).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The record as the resource type it was written as, with its version and the identifier the client gave it.</summary>
    public static Resource Resource(RegistryToFhir toFhir, string resourceType, AlsfrsRAssessment record, FhirSubmission? submission)
    {
        ArgumentNullException.ThrowIfNull(toFhir);
        ArgumentNullException.ThrowIfNull(record);
        Identifier? identifier = submission?.IdentifierValue is { } value ? new Identifier(submission.IdentifierSystem, value) : null;
        Resource resource;
        if (resourceType == "QuestionnaireResponse")
        {
            var response = toFhir.AlsfrsRQuestionnaireResponse(record);
            response.Identifier = identifier;
            resource = response;
        }
        else
        {
            var observation = toFhir.AlsfrsRObservation(record);
            if (identifier is not null) observation.Identifier = [identifier];
            resource = observation;
        }
        resource.Meta ??= new Meta();
        resource.Meta.VersionId = VersionId(record);
        return resource;
    }

    /// <summary>Sets the headers and answers with the body Prefer asks for; names the read when the body carries the record.</summary>
    public static IResult Send(HttpContext http, RegistryToFhir toFhir, PatientReadAudit read, string resourceType, AlsfrsRAssessment record,
        FhirSubmission? submission, int status)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(record);
        http.Response.Headers.ETag = ETag(record);
        http.Response.Headers.Location = Location(resourceType, record);
        http.Response.Headers.LastModified = LastModified(record);
        switch (Preferred(http.Request))
        {
            case "minimal":
                read.NothingRead();
                return Results.StatusCode(status);
            case "OperationOutcome":
                read.NothingRead();
                return FhirResults.Resource(new OperationOutcome
                {
                    Issue =
                    [
                        new OperationOutcome.IssueComponent
                        {
                            Severity = OperationOutcome.IssueSeverity.Information,
                            Code = OperationOutcome.IssueType.Informational,
                            Diagnostics = status == StatusCodes.Status201Created ? $"Created {resourceType}/{RegistryToFhir.Id(record.Id)}."
                                : $"{resourceType}/{RegistryToFhir.Id(record.Id)} stored (version {VersionId(record)}).",
                        },
                    ],
                }, status);
            default:
                read.Read(record.PatientId, record.Id.ToString(), "FHIR write answer");
                return FhirResults.Resource(Resource(toFhir, resourceType, record, submission), status);
        }
    }

    /// <summary>The return= preference of the Prefer header: representation (default), minimal or OperationOutcome.</summary>
    public static string Preferred(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var part in request.Headers["Prefer"].SelectMany(v => (v ?? "").Split([',', ';'], StringSplitOptions.TrimEntries)))
        {
            if (part.Equals("return=minimal", StringComparison.OrdinalIgnoreCase)) return "minimal";
            if (part.Equals("return=OperationOutcome", StringComparison.OrdinalIgnoreCase)) return "OperationOutcome";
        }
        return "representation";
    }
}
