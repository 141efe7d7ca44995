using System.Globalization;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace CellTherapyCenter.Web.Features.Fhir.Writes;

/// <summary>
/// <c>POST /fhir</c> with a transaction Bundle of POST (conditional or not) and PUT entries of
/// ALSFRS-R Observations and QuestionnaireResponses: all or nothing (medplum #7323). Every entry
/// is checked first (scope, request, resource, condition, the same checks as a single write); the
/// first that fails refuses the whole Bundle with its index named, before anything is written.
/// Then every record is saved in one database transaction with the patients' summaries; a failure
/// there (a stale If-Match, a concurrent create under the same condition) rolls all of it back.
/// A batch Bundle is refused: the registry offers only the atomic kind.
/// </summary>
public static class FhirTransaction
{
    private sealed record Entry(int Index, string Method, string Type, AlsfrsRWrite Write, WriteCondition? Condition, Guid? RecordId, Guid? Version);

    public static async Task<IResult> PostAsync(HttpContext http, FhirWriteContext write)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(write);
        var ct = http.RequestAborted;
        if (FhirWriteContext.RoleRefusal(http.User) is { } role) return await write.RefuseAsync(http, role);
        var (bundle, badBody) = await FhirRequestBody.ReadAsync<Bundle>(http.Request, "Bundle");
        if (badBody is not null) return await write.RefuseAsync(http, badBody);
        if (bundle!.Type != Bundle.BundleType.Transaction)
            return await write.RefuseAsync(http, FhirRefusal.Of(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported,
                bundle.Type == Bundle.BundleType.Batch
                    ? "Batch Bundles are not supported: send a transaction Bundle (Bundle.type = transaction), which is stored all or nothing."
                    : "POST /fhir takes a transaction Bundle (Bundle.type = transaction).", "400 bundle type"));

        var scopes = http.User.FindAll(OpenIddictConstants.Claims.Scope).Select(c => c.Value).ToList();
        var entries = new List<Entry>();
        var conditionKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var (entry, refusal) = await CheckAsync(bundle.Entry[i], i, scopes, write, ct);
            if (refusal is null && entry!.Condition is { } condition && !conditionKeys.Add(condition.Key))
                refusal = FhirRefusal.Of(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Duplicate,
                    "Two entries have the same If-None-Exist condition.", "400 repeated condition");
            if (refusal is not null) return await write.RefuseAsync(http, ForEntry(refusal, i));
            entries.Add(entry!);
        }

        var results = new List<(Entry Entry, WriteOutcome Outcome)>();
        foreach (var entry in entries)
        {
            WriteOutcome outcome;
            if (entry.Method == "PUT")
                outcome = await write.Store.UpdateAsync(entry.RecordId!.Value, entry.Write, FhirWriteEndpoints.ClientId(http.User), entry.Version!.Value, ct, save: false);
            else if (entry.Condition is not null && await write.Store.MatchAsync(entry.Condition, ct) is { } matched)
                outcome = matched;
            else
            {
                var (assessment, submission) = write.Store.Stage(entry.Write, FhirWriteEndpoints.ClientId(http.User), entry.Condition);
                outcome = new WriteOutcome(StatusCodes.Status201Created, assessment, submission, null);
            }
            if (outcome.Refusal is not null) return await write.RefuseAsync(http, ForEntry(outcome.Refusal, entry.Index));
            results.Add((entry, outcome));
        }

        try
        {
            await write.Store.SaveAllAsync(results.Where(r => r.Outcome.Status == StatusCodes.Status201Created || r.Entry.Method == "PUT")
                .Select(r => r.Entry.Write.PatientId).Distinct().ToList(), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await write.RefuseAsync(http, FhirRefusal.Of(StatusCodes.Status412PreconditionFailed, OperationOutcome.IssueType.Conflict,
                "A record an entry updates changed since the version in its ifMatch; nothing was stored.", "412 stale ifMatch in transaction"));
        }
        catch (DbUpdateException e) when (AlsfrsRStore.IsUniqueViolation(e))
        {
            return await write.RefuseAsync(http, FhirRefusal.Of(StatusCodes.Status409Conflict, OperationOutcome.IssueType.Conflict,
                "A concurrent request created a record under one of the entries' If-None-Exist conditions; nothing was stored. Send the transaction again: that entry then finds the record.",
                "409 concurrent conditional create in transaction"));
        }
        return Answer(http, write, results);
    }

    private static async Task<(Entry?, FhirRefusal?)> CheckAsync(Bundle.EntryComponent component, int index, IReadOnlyList<string> scopes, FhirWriteContext write, CancellationToken ct)
    {
        var request = component.Request;
        var resource = component.Resource;
        if (request?.Method is not (Bundle.HTTPVerb.POST or Bundle.HTTPVerb.PUT) || string.IsNullOrEmpty(request.Url) || resource is null)
            return (null, Bad("Each entry is a POST or PUT with request.url and a resource."));
        var url = request.Url.Split('?')[0].Trim('/');
        var type = resource.TypeName;
        if (type is not ("Observation" or "QuestionnaireResponse"))
            return (null, FhirRefusal.Of(StatusCodes.Status422UnprocessableEntity, OperationOutcome.IssueType.NotSupported,
                $"A transaction may hold ALSFRS-R Observations and QuestionnaireResponses, not {type}.", "422 entry type"));
        var method = request.Method == Bundle.HTTPVerb.PUT ? "PUT" : "POST";
        Guid? recordId = null;
        Guid? version = null;
        if (method == "POST" && url != type)
            return (null, Bad($"A POST entry's request.url is the resource type ({type})."));
        if (method == "PUT")
        {
            if (type != "Observation" || url != $"Observation/{resource.Id}" || !Guid.TryParse(resource.Id, out var id))
                return (null, Bad("A PUT entry updates an Observation: request.url Observation/{id}, the resource carrying the same id."));
            version = FhirWriteAnswer.ParseETag(request.IfMatch);
            if (version is null)
                return (null, FhirRefusal.Of(StatusCodes.Status428PreconditionRequired, OperationOutcome.IssueType.Required,
                    "A PUT entry needs request.ifMatch W/\"{versionId}\".", "428 no ifMatch"));
            recordId = id;
        }
        var needed = method == "PUT" ? SmartPermissions.Update : SmartPermissions.Create;
        if (!SmartScopes.Allows(scopes, type, needed))
            return (null, FhirRefusal.Of(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
                $"The access token's scopes do not allow {needed} on {type} (system/{type}.write).", $"403 scope for {type} {needed}"));
        var (condition, badCondition) = method == "POST" ? WriteCondition.Parse(type, request.IfNoneExist) : (null, null);
        if (badCondition is not null) return (null, badCondition);
        var (accepted, refused) = await write.Intake.CheckAsync(resource, ct);
        if (refused is not null) return (null, refused);
        return (new Entry(index, method, type, accepted!, condition, recordId, version), null);
    }

    private static IResult Answer(HttpContext http, FhirWriteContext write, List<(Entry Entry, WriteOutcome Outcome)> results)
    {
        var withResources = FhirWriteAnswer.Preferred(http.Request) == "representation";
        var response = new Bundle { Type = Bundle.BundleType.TransactionResponse };
        foreach (var (entry, outcome) in results)
        {
            var record = outcome.Record!;
            var answer = new Bundle.EntryComponent
            {
                Response = new Bundle.ResponseComponent
                {
                    Status = outcome.Status == StatusCodes.Status201Created ? "201 Created" : "200 OK",
                    Location = FhirWriteAnswer.Location(entry.Type, record).TrimStart('/')[("fhir/".Length)..],
                    Etag = FhirWriteAnswer.ETag(record),
                    LastModified = new DateTimeOffset(DateTime.SpecifyKind(record.UpdatedAt ?? record.CreatedAt, DateTimeKind.Utc)),
                },
            };
            if (withResources)
            {
                answer.Resource = FhirWriteAnswer.Resource(write.ToFhir, entry.Type, record, outcome.Submission);
                answer.FullUrl = $"{SmartSetup.BaseUri(http)}/fhir/{entry.Type}/{answer.Resource.Id}";
                write.Read.Read(record.PatientId, record.Id.ToString(), "FHIR transaction answer");
            }
            response.Entry.Add(answer);
        }
        if (!withResources) write.Read.NothingRead();
        return FhirResults.Resource(response);
    }

    /// <summary>The entry's refusal with its index in every issue: what the client must fix, where.</summary>
    private static FhirRefusal ForEntry(FhirRefusal refusal, int index)
    {
        var at = $"Bundle.entry[{index.ToString(CultureInfo.InvariantCulture)}]";
        var outcome = new OperationOutcome();
        foreach (var issue in refusal.Outcome.Issue)
        {
            var copy = (OperationOutcome.IssueComponent)issue.DeepCopy();
            copy.Expression = !copy.Expression.Any() ? [at] : copy.Expression.Select(e => $"{at}.resource.{e}").ToList();
            copy.Diagnostics = $"Entry {index.ToString(CultureInfo.InvariantCulture)}: {issue.Diagnostics ?? issue.Details?.Text}";
            outcome.Issue.Add(copy);
        }
        return refusal with { Outcome = outcome, Why = $"{refusal.Why} (entry {index.ToString(CultureInfo.InvariantCulture)})" };
    }

    private static FhirRefusal Bad(string text) => FhirRefusal.Of(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, text, "400 entry request");
}
