using System.Runtime.CompilerServices;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Fhir;
using CellTherapyCenter.Web.Features.Fhir.Patients;
using CellTherapyCenter.Web.Features.Fhir.Resources;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Fhir.Export;

/// <summary>One line of an export: the resource, or why a record could not be mapped (the record's id, nothing personal).</summary>
public readonly record struct ExportLine(Resource? Resource, string RecordId, string? Failure);

/// <summary>
/// What an export reads, type by type: the registry's records of the job's patients as they stood at
/// its transaction time (created by then, not voided, changed after <c>_since</c> when given), in key
/// order, in keyset batches read with AsAsyncEnumerable and AsNoTracking, each mapped by
/// <see cref="RegistryToFhir"/> as it comes. Nothing holds more than one batch.
/// </summary>
public sealed class BulkExportSources(RegistryDbContext db, RegistryToFhir map, BulkExportJob job, string baseUri, int batchSize)
{
    /// <summary>The resource types an export holds, in the order it writes them.</summary>
    public static readonly IReadOnlyList<string> Types =
        ["Patient", "Condition", "Observation", "QuestionnaireResponse", "EpisodeOfCare", "Procedure", "AdverseEvent", "Consent", "Appointment"];

    private IQueryable<Guid> Members => BulkExportGroups.Members(db, job.GroupId, job.TransactionTime).Select(p => p.Id);

    private IQueryable<T> InSnapshot<T>(IQueryable<T> records) where T : RegistryRecord
    {
        var at = job.TransactionTime;
        var query = records.AsNoTracking().Where(r => r.VoidedAt == null && r.CreatedAt <= at);
        if (job.Since is { } since) query = query.Where(r => (r.UpdatedAt ?? r.CreatedAt) > since);
        return query;
    }

    private IQueryable<Data.Patients.Patient> Patients => InSnapshot(BulkExportGroups.Members(db, job.GroupId, job.TransactionTime)).Include(p => p.VitalStatus);
    private IQueryable<Data.Diagnoses.Diagnosis> Diagnoses => InSnapshot(db.Diagnoses).Where(r => Members.Contains(r.PatientId));
    private IQueryable<AlsfrsRAssessment> Assessments => InSnapshot(db.AlsfrsRAssessments).Where(r => Members.Contains(r.PatientId));
    private IQueryable<AlsfrsRAssessment> SelfReports => Assessments.Where(a => a.Mode == AssessmentMode.SelfAdministeredOnline);
    private IQueryable<Data.Visits.Visit> Visits => InSnapshot(db.Visits).Where(r => Members.Contains(r.PatientId));
    private IQueryable<Data.Visits.Visit> VisitsWithFvc => Visits.Where(v => v.FvcPercentPredicted != null || v.FvcPercentPredictedMissing != null);
    private IQueryable<Data.Visits.Visit> VisitsWithWeight => Visits.Where(v => v.WeightKg != null || v.WeightKgMissing != null);
    private IQueryable<Data.Courses.TreatmentCourse> Courses => InSnapshot(db.TreatmentCourses).Where(r => Members.Contains(r.PatientId));
    private IQueryable<Data.Courses.Transplantation> Transplantations => InSnapshot(db.Transplantations).Where(r => Members.Contains(r.PatientId));
    private IQueryable<Data.AdverseEvents.AdverseEvent> AdverseEvents => InSnapshot(db.AdverseEvents).Where(r => Members.Contains(r.PatientId));
    private IQueryable<Data.Consents.ConsentRecord> Consents => InSnapshot(db.Consents).Where(r => Members.Contains(r.PatientId));
    private IQueryable<Data.FollowUp.FollowUpItem> FollowUpItems => InSnapshot(db.FollowUpItems).Where(r => Members.Contains(r.PatientId));

    /// <summary>How many resources of the type the export will write (for progress; the files' counts are what was written).</summary>
    public async Task<long> CountAsync(string type, CancellationToken ct) => type switch
    {
        "Patient" => await Patients.LongCountAsync(ct),
        "Condition" => await Diagnoses.LongCountAsync(ct),
        "Observation" => await Assessments.LongCountAsync(ct) + await VisitsWithFvc.LongCountAsync(ct) + await VisitsWithWeight.LongCountAsync(ct),
        "QuestionnaireResponse" => await SelfReports.LongCountAsync(ct),
        "EpisodeOfCare" => await Courses.LongCountAsync(ct),
        "Procedure" => await Transplantations.LongCountAsync(ct),
        "AdverseEvent" => await AdverseEvents.LongCountAsync(ct),
        "Consent" => await Consents.LongCountAsync(ct),
        "Appointment" => await FollowUpItems.LongCountAsync(ct),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an exported type."),
    };

    /// <summary>The type's resources in key order.</summary>
    public IAsyncEnumerable<ExportLine> ReadAsync(string type, CancellationToken ct) => type switch
    {
        "Patient" => PatientsAsync(ct),
        "Condition" => Each(Diagnoses, d => d.Id, map.Condition, ct),
        "Observation" => ObservationsAsync(ct),
        "QuestionnaireResponse" => Each(SelfReports, a => a.Id, map.AlsfrsRQuestionnaireResponse, ct),
        "EpisodeOfCare" => Each(Courses, c => c.Id, map.EpisodeOfCare, ct),
        "Procedure" => Each(Transplantations, t => t.Id, map.Procedure, ct),
        "AdverseEvent" => AdverseEventsAsync(ct),
        "Consent" => Each(Consents, c => c.Id, map.Consent, ct),
        "Appointment" => Each(FollowUpItems, i => i.Id, map.Appointment, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an exported type."),
    };

    /// <summary>The rows of a query in key order, a keyset batch at a time (WHERE Id > last ORDER BY Id LIMIT batch).</summary>
    private async IAsyncEnumerable<T> Keyset<T>(IQueryable<T> query, [EnumeratorCancellation] CancellationToken ct) where T : RegistryRecord
    {
        var after = Guid.Empty;
        while (true)
        {
            var read = 0;
            var last = after;
            await foreach (var row in query.Where(r => r.Id.CompareTo(last) > 0).OrderBy(r => r.Id).Take(batchSize).AsAsyncEnumerable().WithCancellation(ct))
            {
                read++;
                after = row.Id;
                yield return row;
            }
            if (read < batchSize) yield break;
        }
    }

    private async IAsyncEnumerable<ExportLine> Each<T>(IQueryable<T> query, Func<T, Guid> id, Func<T, Resource> toFhir, [EnumeratorCancellation] CancellationToken ct)
        where T : RegistryRecord
    {
        await foreach (var record in Keyset(query, ct))
            yield return Mapped(id(record), () => toFhir(record));
    }

    private static ExportLine Mapped(Guid id, Func<Resource?> toFhir)
    {
        try
        {
            return new ExportLine(toFhir(), RegistryToFhir.Id(id), null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            // The exception's type only: its message may quote the record's content.
            return new ExportLine(null, RegistryToFhir.Id(id), e.GetType().Name);
        }
    }

    private async IAsyncEnumerable<ExportLine> PatientsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var identified = job.Identified;
        // As the Patient read does: the date of death from the vital status, loaded with the patient.
        await foreach (var patient in Keyset(Patients, ct))
            yield return Mapped(patient.Id, () => PatientResource.ToFhir(patient, patient.VitalStatus?.DateOfDeath, identified, baseUri));
    }

    private async IAsyncEnumerable<ExportLine> ObservationsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var line in Each(Assessments, a => a.Id, map.AlsfrsRObservation, ct)) yield return line;
        await foreach (var visit in Keyset(VisitsWithFvc, ct)) yield return Mapped(visit.Id, () => map.FvcObservation(visit));
        await foreach (var visit in Keyset(VisitsWithWeight, ct)) yield return Mapped(visit.Id, () => map.WeightObservation(visit));
    }

    private async IAsyncEnumerable<ExportLine> AdverseEventsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        // Events a keyset batch at a time (read whole, so the connection is free for the next query), with the
        // first transplantation of each one's course (the suspect) looked up per batch.
        var after = Guid.Empty;
        while (true)
        {
            var last = after;
            var batch = await AdverseEvents.Where(e => e.Id.CompareTo(last) > 0).OrderBy(e => e.Id).Take(batchSize).ToListAsync(ct);
            await foreach (var line in WithSuspectsAsync(batch, ct)) yield return line;
            if (batch.Count < batchSize) yield break;
            after = batch[^1].Id;
        }
    }

    private async IAsyncEnumerable<ExportLine> WithSuspectsAsync(List<Data.AdverseEvents.AdverseEvent> events, [EnumeratorCancellation] CancellationToken ct)
    {
        if (events.Count == 0) yield break;
        var courses = events.Where(e => e.TreatmentCourseId != null).Select(e => e.TreatmentCourseId!.Value).Distinct().ToList();
        var suspects = (await db.Transplantations.AsNoTracking().Where(t => t.VoidedAt == null && courses.Contains(t.TreatmentCourseId)).ToListAsync(ct))
            .GroupBy(t => t.TreatmentCourseId).ToDictionary(g => g.Key, g => g.MinBy(t => t.Date));
        foreach (var e in events)
        {
            var suspect = e.TreatmentCourseId is { } course ? suspects.GetValueOrDefault(course) : null;
            yield return Mapped(e.Id, () => map.AdverseEvent(e, suspect));
        }
    }
}
