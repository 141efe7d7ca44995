using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Fhir;
using CellTherapyCenter.Web.Features.Patients;
using Hl7.Fhir.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Features.Fhir.Writes;

/// <summary>What a write came to: the record (created 201, found 200, updated 200), or a refusal.</summary>
public sealed record WriteOutcome(int Status, AlsfrsRAssessment? Record, FhirSubmission? Submission, FhirRefusal? Refusal)
{
    public static WriteOutcome Refused(FhirRefusal refusal) => new(refusal.Status, null, null, refusal);
}

/// <summary>
/// Stores FHIR writes of ALSFRS-R assessments through the registry's save path
/// (<see cref="PatientSummaries.SaveWithSummaryAsync"/>: the record, its audit lines with old and
/// new values, and the patient's summary in one transaction), each with its <see cref="FhirSubmission"/>.
/// </summary>
public sealed class AlsfrsRStore(RegistryDbContext db, TimeProvider clock)
{
    /// <summary>
    /// A create, conditional when <paramref name="condition"/> is given: one match answers with it
    /// (200) and stores nothing, two or more are 412. Two requests that both find no match both
    /// insert; the unique condition key lets one commit and the other answers with that one.
    /// </summary>
    public async Task<WriteOutcome> CreateAsync(AlsfrsRWrite write, string clientId, WriteCondition? condition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (condition is not null && await MatchAsync(condition, ct) is { } matched) return matched;
        var (assessment, submission) = Stage(write, clientId, condition);
        try
        {
            await db.SaveWithSummaryAsync(write.PatientId, ct);
            return new WriteOutcome(StatusCodes.Status201Created, assessment, submission, null);
        }
        catch (DbUpdateException e) when (condition is not null && IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return await condition.HolderAsync(db, ct) is { Voided: false } holder
                ? await FoundAsync(holder.Id, ct)
                : WriteOutcome.Refused(FhirRefusal.Of(StatusCodes.Status409Conflict, OperationOutcome.IssueType.Conflict,
                    "A record created earlier under this If-None-Exist condition was voided in the registry; send the create without the condition, or with another.",
                    "409 condition held by a voided record", write.PatientId));
        }
    }

    /// <summary>The answer to a condition before anything is staged: null when nothing matches.</summary>
    public async Task<WriteOutcome?> MatchAsync(WriteCondition condition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var matches = await condition.MatchesAsync(db, ct);
        return matches.Count switch
        {
            0 => null,
            1 => await FoundAsync(matches[0], ct),
            _ => WriteOutcome.Refused(FhirRefusal.Of(StatusCodes.Status412PreconditionFailed, OperationOutcome.IssueType.MultipleMatches,
                "The If-None-Exist condition matches more than one record; nothing was created. Make it narrower (an identifier).", "412 several matches", condition.PatientId)),
        };
    }

    /// <summary>Adds the assessment and its submission row to the context, unsaved (a transaction saves several at once).</summary>
    public (AlsfrsRAssessment Assessment, FhirSubmission Submission) Stage(AlsfrsRWrite write, string clientId, WriteCondition? condition)
    {
        ArgumentNullException.ThrowIfNull(write);
        var assessment = new AlsfrsRAssessment();
        write.ApplyTo(assessment);
        var submission = new FhirSubmission
        {
            AssessmentId = assessment.Id, ClientId = clientId, ResourceType = write.ResourceType,
            IdentifierSystem = write.IdentifierSystem, IdentifierValue = write.IdentifierValue, ConditionKey = condition?.Key,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AlsfrsRAssessments.Add(assessment);
        db.Set<FhirSubmission>().Add(submission);
        return (assessment, submission);
    }

    /// <summary>
    /// An update of a record this client created through the API, at the version it names
    /// (<paramref name="expectedVersion"/>, the If-Match ETag): a record entered by staff or in the
    /// portal, or sent by another client, is refused (403); a stale version is 412 and nothing
    /// changes, whether it was stale when read here or became so before the save (the stamp is
    /// checked by the UPDATE itself). Saves unless <paramref name="save"/> is false (a transaction).
    /// </summary>
    public async Task<WriteOutcome> UpdateAsync(Guid id, AlsfrsRWrite write, string clientId, Guid expectedVersion, CancellationToken ct, bool save = true)
    {
        ArgumentNullException.ThrowIfNull(write);
        var assessment = await db.AlsfrsRAssessments
            .Where(a => a.Id == id && a.VoidedAt == null && !db.ErasureRequests.Any(e => e.PatientId == a.PatientId && e.VoidedAt == null))
            .SingleOrDefaultAsync(ct);
        if (assessment is null)
            return WriteOutcome.Refused(FhirRefusal.Of(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, "No ALSFRS-R Observation with this id.", "404 no such record"));
        var submission = await db.Set<FhirSubmission>().AsNoTracking().SingleOrDefaultAsync(s => s.AssessmentId == id, ct);
        if (submission is null || submission.ClientId != clientId)
            return WriteOutcome.Refused(FhirRefusal.Of(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
                submission is null
                    ? "This ALSFRS-R was entered in the registry (by staff or in the patient portal); a FHIR client may update only what it created through this API. Ask the clinic to correct it."
                    : "This ALSFRS-R was sent by another client; a FHIR client may update only what it created.",
                submission is null ? "403 update of a registry entry" : "403 update of another client's record", assessment.PatientId));
        if (assessment.PatientId != write.PatientId)
            return WriteOutcome.Refused(FhirRefusal.Of(StatusCodes.Status422UnprocessableEntity, OperationOutcome.IssueType.BusinessRule,
                "An update cannot move the ALSFRS-R to another patient (Observation.subject).", "422 subject changed", assessment.PatientId));
        if (assessment.ConcurrencyStamp != expectedVersion)
            return Stale(assessment.PatientId);

        db.Entry(assessment).Property(a => a.ConcurrencyStamp).OriginalValue = expectedVersion;
        write.ApplyTo(assessment);
        if (!save) return new WriteOutcome(StatusCodes.Status200OK, assessment, submission, null);
        try
        {
            await db.SaveWithSummaryAsync(assessment.PatientId, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale(assessment.PatientId);
        }
        return new WriteOutcome(StatusCodes.Status200OK, assessment, submission, null);
    }

    /// <summary>Saves what was staged and refreshes the patients' summaries, all in one transaction.</summary>
    public async Task SaveAllAsync(IReadOnlyCollection<Guid> patientIds, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            foreach (var patientId in patientIds) await PatientSummaries.RefreshAsync(db, patientId, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
    }

    public async Task<WriteOutcome> FoundAsync(Guid id, CancellationToken ct)
    {
        var assessment = await db.AlsfrsRAssessments.AsNoTracking().SingleAsync(a => a.Id == id, ct);
        var submission = await db.Set<FhirSubmission>().AsNoTracking().SingleOrDefaultAsync(s => s.AssessmentId == id, ct);
        return new WriteOutcome(StatusCodes.Status200OK, assessment, submission, null);
    }

    private static WriteOutcome Stale(Guid patientId) => WriteOutcome.Refused(FhirRefusal.Of(StatusCodes.Status412PreconditionFailed, OperationOutcome.IssueType.Conflict,
        "The record changed since the version in If-Match; nothing was changed. Read it again and resend the update with its ETag.", "412 stale If-Match", patientId));

    /// <summary>A unique index refused the insert (PostgreSQL 23505; SQLite UNIQUE or PRIMARY KEY constraint).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e?.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
