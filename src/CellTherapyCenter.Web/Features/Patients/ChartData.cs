using CellTherapyCenter.Clinical.AdverseEvents;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Web.Data;
using CellTherapyCenter.Web.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Patients;

/// <summary>
/// What the chart shows of one patient. The chart is the most read page of the registry, so its
/// records are read as small rows holding only the displayed columns (not whole entities with their
/// ids, stamps, item scores and consent wordings), one query per table and none per row. The three
/// kinds of visit child rows carry the patient id and come back together in one query.
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
    public sealed record ConsentRow(Guid Id, ConsentKind Kind, DateTime GivenAt, DateTime? WithdrawnAt, string? VoidReason);

    public sealed record AssessmentRow(
        Guid Id, DateOnly AssessedOn, AssessmentRater Rater, AssessmentMode Mode, int? Total, int? Bulbar, int? FineMotor,
        int? GrossMotor, int? Respiratory, string? KingsStage, int? MitosStage, bool Voided, string? VoidReason);

    public sealed record VisitRow(Guid Id, DateOnly Date, VisitKind Kind, double? FvcPercentPredicted, double? WeightKg, string? Notes, string? VoidReason)
    {
        /// <summary>Every symptom row of the visit, voided ones included: any row at all means an inventory was taken.</summary>
        public List<SymptomRow> Symptoms { get; } = [];
        /// <summary>Findings and reported changes in force (voided ones are not shown).</summary>
        public List<(ExaminationDomain Domain, ExaminationChange Change)> ExaminationFindings { get; } = [];
        public List<(ChangeAspect Aspect, ChangeRating Rating)> ReportedChanges { get; } = [];
    }

    public sealed record SymptomRow(AlsSymptom Symptom, SymptomSeverity Severity, bool Voided);

    public sealed record CourseRow(Guid Id, int Number, DateOnly StartDate, DateOnly? EndDate, string? VoidReason, List<TransplantationRow> Transplantations);

    public sealed record TransplantationRow(DateOnly Date, string CellProductLot, int SuspensionCount, decimal VolumeMl, AdministrationRoute Route, string? VoidReason);

    public sealed record AdverseEventRow(
        Guid Id, string Term, DateOnly OnsetDate, DateOnly? ResolvedDate, CtcaeGrade Grade, Relatedness Relatedness, bool Serious,
        AdverseEventOutcome Outcome, string? VoidReason);

    // Tags of the rows of the visit-parts union (plain numbers, so both providers translate them as constants).
    private const int SymptomPart = 0, FindingPart = 1, ChangePart = 2;

    public static async Task<ChartData?> LoadAsync(RegistryDbContext db, Guid id, CancellationToken ct)
    {
        var head = await db.Patients.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { Patient = p, p.Diagnosis, p.VitalStatus })
            .FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var consents = await db.Consents.Where(c => c.PatientId == id).OrderBy(c => c.GivenAt)
            .Select(c => new ConsentRow(c.Id, c.Kind, c.GivenAt, c.WithdrawnAt, c.VoidReason))
            .ToListAsync(ct);
        var visits = await db.Visits.Where(v => v.PatientId == id).OrderBy(v => v.Date)
            .Select(v => new VisitRow(v.Id, v.Date, v.Kind, v.FvcPercentPredicted, v.WeightKg, v.Notes, v.VoidReason))
            .ToListAsync(ct);
        if (visits.Count > 0) await AttachVisitPartsAsync(db, id, visits, ct);
        var assessments = await db.AlsfrsRAssessments.Where(a => a.PatientId == id).OrderBy(a => a.AssessedOn)
            .Select(a => new AssessmentRow(a.Id, a.AssessedOn, a.Rater, a.Mode, a.Total, a.Bulbar, a.FineMotor, a.GrossMotor,
                a.Respiratory, a.KingsStage, a.MitosStage, a.VoidedAt != null, a.VoidReason))
            .ToListAsync(ct);
        var courses = await db.TreatmentCourses.Where(c => c.PatientId == id).OrderBy(c => c.StartDate)
            .Select(c => new CourseRow(c.Id, c.Number, c.StartDate, c.EndDate, c.VoidReason,
                c.Transplantations.Select(t => new TransplantationRow(t.Date, t.CellProductLot, t.SuspensionCount, t.VolumeMl, t.Route, t.VoidReason)).ToList()))
            .ToListAsync(ct);
        var events = await db.AdverseEvents.Where(e => e.PatientId == id).OrderBy(e => e.OnsetDate)
            .Select(e => new AdverseEventRow(e.Id, e.Term, e.OnsetDate, e.ResolvedDate, e.Grade, e.Relatedness, e.Serious, e.Outcome, e.VoidReason))
            .ToListAsync(ct);
        return new ChartData(head.Patient, head.Diagnosis, head.VitalStatus, consents, visits, assessments, courses, events);
    }

    /// <summary>
    /// Symptom observations, examination findings and reported changes as one UNION ALL of
    /// (visit, kind, two coded values, voided): one round trip instead of three. Each part keeps
    /// the order it had as a query of its own.
    /// </summary>
    private static async Task AttachVisitPartsAsync(RegistryDbContext db, Guid id, List<VisitRow> visits, CancellationToken ct)
    {
        var parts = await db.SymptomObservations.Where(s => s.PatientId == id)
            .Select(s => new { s.VisitId, Part = SymptomPart, A = (int)s.Symptom, B = (int)s.Severity, Voided = s.VoidedAt != null })
            .Concat(db.ExaminationFindings.Where(f => f.PatientId == id && f.VoidedAt == null)
                .Select(f => new { f.VisitId, Part = FindingPart, A = (int)f.Domain, B = (int)f.Change, Voided = false }))
            .Concat(db.PatientReportedChanges.Where(c => c.PatientId == id && c.VoidedAt == null)
                .Select(c => new { c.VisitId, Part = ChangePart, A = (int)c.Aspect, B = (int)c.Rating, Voided = false }))
            .ToListAsync(ct);
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
