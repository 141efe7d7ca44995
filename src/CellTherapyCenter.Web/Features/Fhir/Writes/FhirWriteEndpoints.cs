using System.Security.Claims;
using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.Fhir.Conformance;
using CellTherapyCenter.Web.Features.Fhir.Resources;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Infrastructure;
using Hl7.Fhir.Model;

namespace CellTherapyCenter.Web.Features.Fhir.Writes;

/// <summary>
/// The FHIR API's writes of ALSFRS-R: <c>POST /fhir/Observation</c>, <c>POST /fhir/QuestionnaireResponse</c>
/// (both conditional with If-None-Exist), <c>PUT /fhir/Observation/{id}</c> with If-Match, and the
/// transaction Bundle (<see cref="FhirTransaction"/>). Every refusal is audited with the client's
/// identity (<see cref="FhirAuditActions.Refused"/>); every write is audited by the registry's save
/// path with old and new values, under the client's user id.
/// </summary>
public static class FhirWriteEndpoints
{
    public const string AssessmentEntity = "AlsfrsRAssessment";

    public static RouteGroupBuilder MapFhirWrites(this RouteGroupBuilder fhir)
    {
        fhir.MapPost("/Observation", (HttpContext http, CancellationToken _) => CreateAsync<Observation>(http, FhirWriteContext.For(http), "Observation"))
            .WithMetadata(new FhirScopeAttribute("Observation", SmartPermissions.Create))
            .ReadsPatientData(AssessmentEntity, "FHIR create");
        fhir.MapPost("/QuestionnaireResponse", (HttpContext http, CancellationToken _) => CreateAsync<QuestionnaireResponse>(http, FhirWriteContext.For(http), "QuestionnaireResponse"))
            .WithMetadata(new FhirScopeAttribute("QuestionnaireResponse", SmartPermissions.Create))
            .ReadsPatientData(AssessmentEntity, "FHIR create");
        fhir.MapPut("/Observation/{id}", (string id, HttpContext http) => UpdateAsync(id, http, FhirWriteContext.For(http)))
            .WithMetadata(new FhirScopeAttribute("Observation", SmartPermissions.Update))
            .ReadsPatientData(AssessmentEntity, "FHIR update");
        fhir.MapPost("", (HttpContext http, CancellationToken _) => FhirTransaction.PostAsync(http, FhirWriteContext.For(http)))
            .ReadsPatientData(AssessmentEntity, "FHIR transaction");
        return fhir;
    }

    /// <summary>The client's id as the registry knows it (without <see cref="FhirClientAccess.ClientIdPrefix"/>).</summary>
    public static string ClientId(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A FHIR write without a client.");
        return id.StartsWith(FhirClientAccess.ClientIdPrefix, StringComparison.Ordinal) ? id[FhirClientAccess.ClientIdPrefix.Length..] : id;
    }

    private static async Task<IResult> CreateAsync<T>(HttpContext http, FhirWriteContext write, string type) where T : Resource
    {
        var ct = http.RequestAborted;
        if (FhirWriteContext.RoleRefusal(http.User) is { } role) return await write.RefuseAsync(http, role);
        var (condition, badCondition) = WriteCondition.Parse(type, http.Request.Headers["If-None-Exist"]);
        if (badCondition is not null) return await write.RefuseAsync(http, badCondition);
        var (resource, badBody) = await FhirRequestBody.ReadAsync<T>(http.Request, type);
        if (badBody is not null) return await write.RefuseAsync(http, badBody);
        var (accepted, refused) = await write.Intake.CheckAsync(resource!, ct);
        if (refused is not null) return await write.RefuseAsync(http, refused);

        var outcome = await write.Store.CreateAsync(accepted!, ClientId(http.User), condition, ct);
        if (outcome.Refusal is not null) return await write.RefuseAsync(http, outcome.Refusal);
        return FhirWriteAnswer.Send(http, write.ToFhir, write.Read, type, outcome.Record!, outcome.Submission, outcome.Status);
    }

    private static async Task<IResult> UpdateAsync(string id, HttpContext http, FhirWriteContext write)
    {
        var ct = http.RequestAborted;
        if (FhirWriteContext.RoleRefusal(http.User) is { } role) return await write.RefuseAsync(http, role);
        var (observation, badBody) = await FhirRequestBody.ReadAsync<Observation>(http.Request, "Observation");
        if (badBody is not null) return await write.RefuseAsync(http, badBody);
        if (observation!.Id != id || !Guid.TryParse(id, out var recordId))
            return await write.RefuseAsync(http, FhirRefusal.Of(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid,
                "The Observation's id must be the id in the URL.", "400 id mismatch"));
        // The issue asks only that a stale version is refused; an update without any version could
        // overwrite a change it never saw, so it is refused too (428), as FHIR allows.
        if (FhirWriteAnswer.ParseETag(http.Request.Headers.IfMatch) is not { } version)
            return await write.RefuseAsync(http, FhirRefusal.Of(StatusCodes.Status428PreconditionRequired, OperationOutcome.IssueType.Required,
                "An update needs If-Match: W/\"{versionId}\" with the version read last (meta.versionId or the ETag of the last answer).", "428 no If-Match"));
        var (accepted, refused) = await write.Intake.CheckAsync(observation, ct);
        if (refused is not null) return await write.RefuseAsync(http, refused);

        var outcome = await write.Store.UpdateAsync(recordId, accepted!, ClientId(http.User), version, ct);
        if (outcome.Refusal is not null) return await write.RefuseAsync(http, outcome.Refusal);
        return FhirWriteAnswer.Send(http, write.ToFhir, write.Read, "Observation", outcome.Record!, outcome.Submission, outcome.Status);
    }
}

/// <summary>What the write handlers use, made for each request from the app's services.</summary>
public sealed class FhirWriteContext(RegistryDbContext db, FhirValidator validator, FhirToAlsfrsR fromFhir, RegistryToFhir toFhir,
    TimeProvider clock, PatientReadAudit read, AuditLog audit)
{
    public static FhirWriteContext For(HttpContext http) => ActivatorUtilities.CreateInstance<FhirWriteContext>(http?.RequestServices ?? throw new ArgumentNullException(nameof(http)));

    public RegistryDbContext Db { get; } = db;
    public AlsfrsRIntake Intake { get; } = new(db, validator, fromFhir, clock);
    public AlsfrsRStore Store { get; } = new(db, clock);
    public RegistryToFhir ToFhir { get; } = toFhir;
    public PatientReadAudit Read { get; } = read;

    /// <summary>
    /// A write needs a client whose role may enter registry data (<see cref="StaffPolicies.EditRegistry"/>),
    /// besides the write scope: a Researcher client is refused (403) whatever scopes it holds.
    /// </summary>
    public static FhirRefusal? RoleRefusal(ClaimsPrincipal user) => StaffPolicies.Grants(user, StaffPolicies.EditRegistry) ? null
        : FhirRefusal.Of(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
            "This client acts as a role that may not enter registry data; writes need a client registered with a role that may.", "403 role may not write");

    /// <summary>Audits the refusal under the client's identity (nothing staged is saved with it) and answers with its OperationOutcome.</summary>
    public async Task<IResult> RefuseAsync(HttpContext http, FhirRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(refusal);
        Db.ChangeTracker.Clear();
        await audit.WriteAsync(FhirAuditActions.Refused, "Fhir", $"{http.Request.Method} {http.Request.Path}", refusal.PatientId, refusal.Why, http.RequestAborted);
        return refusal.ToResult();
    }
}
