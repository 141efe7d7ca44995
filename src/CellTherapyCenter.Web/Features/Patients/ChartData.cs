using System.Data.Common;
using CellTherapyCenter.Clinical.AdverseEvents;
using CellTherapyCenter.Clinical.DataQuality;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Diagnoses;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Data.Vitals;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Patients;

/// <summary>
/// What the chart shows of one patient. The chart is the most read page of the registry, so its
/// records are read as small rows holding only the displayed columns (not whole entities with their
/// ids, stamps, item scores and consent wordings), one query per table and none per row, all but the
/// patient's own row sent together in one round trip (<see cref="QueryBatch"/>). The three kinds of
/// visit child rows carry the patient id and come back together in one query.
/// </summary>
public sealed record ChartData(
    Patient Patient,
    Diagnosis? Diagnosis,
    VitalStatus? VitalStatus,
    IReadOnlyList<ChartData.ConsentRow> Consents,
    IReadOnlyList<ChartData.VisitRow> Visits,
    IReadOnlyList<ChartData.AssessmentRow> Assessments,
    IReadOnlyList<ChartData.CourseRow> Courses,
    IReadOnlyList<ChartData.AdverseEventRow> AdverseEvents)
{
    /// <summary>The patient asked for erasure: processing is restricted (Features/Privacy).</summary>
    public bool ProcessingRestricted { get; init; }

    public sealed record ConsentRow(Guid Id, ConsentKind Kind, DateTime GivenAt, DateTime? WithdrawnAt, string? VoidReason);

    public sealed record AssessmentRow(
        Guid Id, DateOnly AssessedOn, AssessmentRater Rater, AssessmentMode Mode, int? Total, int? Bulbar, int? FineMotor,
        int? GrossMotor, int? Respiratory, string? KingsStage, int? MitosStage, bool Voided, string? VoidReason, FormStatus Status);

    public sealed record VisitRow(Guid Id, DateOnly Date, VisitKind Kind, double? FvcPercentPredicted, double? WeightKg, string? Notes, string? VoidReason,
        MissingCode? FvcPercentPredictedMissing, MissingCode? WeightKgMissing, FormStatus Status)
    {
        /// <summary>Every symptom row of the visit, voided ones included: any row at all means an inventory was taken.</summary>
        public List<SymptomRow> Symptoms { get; } = [];
        /// <summary>Findings and reported changes in force (voided ones are not shown).</summary>
        public List<(ExaminationDomain Domain, ExaminationChange Change)> ExaminationFindings { get; } = [];
        public List<(ChangeAspect Aspect, ChangeRating Rating)> ReportedChanges { get; } = [];
    }

    public sealed record SymptomRow(AlsSymptom Symptom, SymptomSeverity Severity, bool Voided);

    public sealed record CourseRow(Guid Id, int Number, DateOnly StartDate, DateOnly? EndDate, string? VoidReason, List<TransplantationRow> Transplantations, FormStatus Status);

    public sealed record TransplantationRow(Guid Id, DateOnly Date, string CellProductLot, int SuspensionCount, decimal VolumeMl, AdministrationRoute Route, string? VoidReason);

    public sealed record AdverseEventRow(
        Guid Id, string Term, DateOnly OnsetDate, DateOnly? ResolvedDate, CtcaeGrade Grade, Relatedness Relatedness, bool Serious,
        AdverseEventOutcome Outcome, string? VoidReason, FormStatus Status);

    // Tags of the rows of the visit-parts union (plain numbers, so both providers translate them as constants).
    private const int SymptomPart = 0, FindingPart = 1, ChangePart = 2;

    /// <param name="auditLine">The read's audit line (<see cref="Infrastructure.PatientReadAudit.ReadInBatch"/>), written in the same round trip as the reads; nothing is written when the patient does not exist.</param>
    public static async Task<ChartData?> LoadAsync(RegistryDbContext db, Guid id, DbCommand? auditLine, CancellationToken ct)
    {
        var head = await db.Patients.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { Patient = p, p.Diagnosis, p.VitalStatus, Restricted = db.ErasureRequests.Any(r => r.PatientId == p.Id && r.VoidedAt == null) })
            .FirstOrDefaultAsync(ct);
        if (head is null) return null;

        // Everything else, and the audit line, in one round trip.
        var batch = new QueryBatch(db);
        if (auditLine is not null) batch.AddStatement(auditLine);
        var consents = batch.Add(db.Consents.Where(c => c.PatientId == id).OrderBy(c => c.GivenAt)
                .Select(c => new { c.Id, c.Kind, c.GivenAt, c.WithdrawnAt, c.VoidReason }),
            ["Id", "Kind", "GivenAt", "WithdrawnAt", "VoidReason"],
            (r, at) => new ConsentRow(r.GetGuid(at[0]), (ConsentKind)r.GetInt32(at[1]), r.GetDateTime(at[2]), r.GetNullable<DateTime>(at[3]), r.GetStringOrNull(at[4])));
        var visits = batch.Add(db.Visits.Where(v => v.PatientId == id).OrderBy(v => v.Date)
                .Select(v => new { v.Id, v.Date, v.Kind, v.FvcPercentPredicted, v.WeightKg, v.Notes, v.VoidReason, v.FvcPercentPredictedMissing, v.WeightKgMissing, v.Status }),
            ["Id", "Date", "Kind", "FvcPercentPredicted", "WeightKg", "Notes", "VoidReason", "FvcPercentPredictedMissing", "WeightKgMissing", "Status"],
            (r, at) => new VisitRow(r.GetGuid(at[0]), r.GetFieldValue<DateOnly>(at[1]), (VisitKind)r.GetInt32(at[2]),
                    r.GetNullable<double>(at[3]), r.GetNullable<double>(at[4]), r.GetStringOrNull(at[5]), r.GetStringOrNull(at[6]),
                    (MissingCode?)r.GetNullable<int>(at[7]), (MissingCode?)r.GetNullable<int>(at[8]), (FormStatus)r.GetInt32(at[9])));
        var parts = batch.Add(db.SymptomObservations.Where(s => s.PatientId == id)
                .Select(s => new { s.VisitId, Part = SymptomPart, A = (int)s.Symptom, B = (int)s.Severity, Voided = s.VoidedAt != null })
                .Concat(db.ExaminationFindings.Where(f => f.PatientId == id && f.VoidedAt == null)
                    .Select(f => new { f.VisitId, Part = FindingPart, A = (int)f.Domain, B = (int)f.Change, Voided = false }))
                .Concat(db.PatientReportedChanges.Where(c => c.PatientId == id && c.VoidedAt == null)
                    .Select(c => new { c.VisitId, Part = ChangePart, A = (int)c.Aspect, B = (int)c.Rating, Voided = false })),
            ["VisitId", "Part", "A", "B", "Voided"],
            (r, at) => (VisitId: r.GetGuid(at[0]), Part: r.GetInt32(at[1]), A: r.GetInt32(at[2]), B: r.GetInt32(at[3]), Voided: r.GetBoolean(at[4])));
        var assessments = batch.Add(db.AlsfrsRAssessments.Where(a => a.PatientId == id).OrderBy(a => a.AssessedOn)
                .Select(a => new { a.Id, a.AssessedOn, a.Rater, a.Mode, a.Total, a.Bulbar, a.FineMotor, a.GrossMotor, a.Respiratory, a.KingsStage, a.MitosStage, Voided = a.VoidedAt != null, a.VoidReason, a.Status }),
            ["Id", "AssessedOn", "Rater", "Mode", "Total", "Bulbar", "FineMotor", "GrossMotor", "Respiratory", "KingsStage", "MitosStage", "Voided", "VoidReason", "Status"],
            (r, at) => new AssessmentRow(r.GetGuid(at[0]), r.GetFieldValue<DateOnly>(at[1]), (AssessmentRater)r.GetInt32(at[2]), (AssessmentMode)r.GetInt32(at[3]),
                    r.GetNullable<int>(at[4]), r.GetNullable<int>(at[5]), r.GetNullable<int>(at[6]), r.GetNullable<int>(at[7]),
                    r.GetNullable<int>(at[8]), r.GetStringOrNull(at[9]), r.GetNullable<int>(at[10]), r.GetBoolean(at[11]), r.GetStringOrNull(at[12]),
                    (FormStatus)r.GetInt32(at[13])));
        var courses = batch.Add(db.TreatmentCourses.Where(c => c.PatientId == id).OrderBy(c => c.StartDate).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.Number, c.StartDate, c.EndDate, c.VoidReason, c.Status }),
            ["Id", "Number", "StartDate", "EndDate", "VoidReason", "Status"],
            (r, at) => new CourseRow(r.GetGuid(at[0]), r.GetInt32(at[1]), r.GetFieldValue<DateOnly>(at[2]), r.GetNullable<DateOnly>(at[3]), r.GetStringOrNull(at[4]), [], (FormStatus)r.GetInt32(at[5])));
        var transplantations = batch.Add(db.Set<Transplantation>().Where(t => t.TreatmentCourse!.PatientId == id).OrderBy(t => t.Id)
                .Select(t => new { t.TreatmentCourseId, t.Date, t.CellProductLot, t.SuspensionCount, t.VolumeMl, t.Route, t.VoidReason, t.Id }),
            ["TreatmentCourseId", "Date", "CellProductLot", "SuspensionCount", "VolumeMl", "Route", "VoidReason", "Id"],
            (r, at) => (Course: r.GetGuid(at[0]), Row: new TransplantationRow(r.GetGuid(at[7]), r.GetFieldValue<DateOnly>(at[1]), r.GetString(at[2]), r.GetInt32(at[3]),
                    r.GetDecimal(at[4]), (AdministrationRoute)r.GetInt32(at[5]), r.GetStringOrNull(at[6]))));
        var events = batch.Add(db.AdverseEvents.Where(e => e.PatientId == id).OrderBy(e => e.OnsetDate)
                .Select(e => new { e.Id, e.Term, e.OnsetDate, e.ResolvedDate, e.Grade, e.Relatedness, e.Serious, e.Outcome, e.VoidReason, e.Status }),
            ["Id", "Term", "OnsetDate", "ResolvedDate", "Grade", "Relatedness", "Serious", "Outcome", "VoidReason", "Status"],
            (r, at) => new AdverseEventRow(r.GetGuid(at[0]), r.GetString(at[1]), r.GetFieldValue<DateOnly>(at[2]), r.GetNullable<DateOnly>(at[3]),
                    (CtcaeGrade)r.GetInt32(at[4]), (Relatedness)r.GetInt32(at[5]), r.GetBoolean(at[6]), (AdverseEventOutcome)r.GetInt32(at[7]), r.GetStringOrNull(at[8]), (FormStatus)r.GetInt32(at[9])));
        await batch.ExecuteAsync(ct);

        AttachVisitParts(visits, parts);
        var byCourse = courses.ToDictionary(c => c.Id);
        foreach (var (course, row) in transplantations)
            if (byCourse.TryGetValue(course, out var c)) c.Transplantations.Add(row);
        return new ChartData(head.Patient, head.Diagnosis, head.VitalStatus, consents, visits, assessments, courses, events)
        {
            ProcessingRestricted = head.Restricted,
        };
    }

    /// <summary>
    /// Symptom observations, examination findings and reported changes come as one UNION ALL of
    /// (visit, kind, two coded values, voided): one result set instead of three. Each part keeps
    /// the order it had as a query of its own.
    /// </summary>
    private static void AttachVisitParts(List<VisitRow> visits, List<(Guid VisitId, int Part, int A, int B, bool Voided)> parts)
    {
        var byId = visits.ToDictionary(v => v.Id);
        foreach (var p in parts)
        {
            if (!byId.TryGetValue(p.VisitId, out var visit)) continue;
            switch (p.Part)
            {
                case SymptomPart: visit.Symptoms.Add(new((AlsSymptom)p.A, (SymptomSeverity)p.B, p.Voided)); break;
                case FindingPart: visit.ExaminationFindings.Add(((ExaminationDomain)p.A, (ExaminationChange)p.B)); break;
                default: visit.ReportedChanges.Add(((ChangeAspect)p.A, (ChangeRating)p.B)); break;
            }
        }
    }

    public static Task<List<AlsfrsRAssessment>> AssessmentsAsync(RegistryDbContext db, Guid id, CancellationToken ct) =>
        db.AlsfrsRAssessments.AsNoTracking().Where(a => a.PatientId == id).OrderBy(a => a.AssessedOn).ToListAsync(ct);
}
