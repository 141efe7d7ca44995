using CellTherapyCenter.Web.Data;
using CellTherapyCenter.Web.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Patients;

/// <summary>
/// Everything recorded for one patient, in one query per table and no N+1: the chart is the most
/// read page of the registry. Child rows of visits carry the patient id, so they are read by it
/// and attached here instead of through joins or split queries.
/// </summary>
public sealed record ChartData(
    Patient Patient,
    Diagnosis? Diagnosis,
    VitalStatus? VitalStatus,
    IReadOnlyList<ConsentRecord> Consents,
    IReadOnlyList<Visit> Visits,
    IReadOnlyList<AlsfrsRAssessment> Assessments,
    IReadOnlyList<TreatmentCourse> Courses,
    IReadOnlyList<AdverseEvent> AdverseEvents)
{
    public static async Task<ChartData?> LoadAsync(RegistryDbContext db, Guid id, CancellationToken ct)
    {
        var head = await db.Patients.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { Patient = p, p.Diagnosis, p.VitalStatus })
            .FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var consents = await db.Consents.AsNoTracking().Where(c => c.PatientId == id).OrderBy(c => c.GivenAt).ToListAsync(ct);
        var visits = await db.Visits.AsNoTracking().Where(v => v.PatientId == id).OrderBy(v => v.Date).ToListAsync(ct);
        var symptoms = (await db.SymptomObservations.AsNoTracking().Where(s => s.PatientId == id).ToListAsync(ct)).ToLookup(s => s.VisitId);
        var findings = (await db.ExaminationFindings.AsNoTracking().Where(f => f.PatientId == id).ToListAsync(ct)).ToLookup(f => f.VisitId);
        var changes = (await db.PatientReportedChanges.AsNoTracking().Where(c => c.PatientId == id).ToListAsync(ct)).ToLookup(c => c.VisitId);
        foreach (var v in visits)
        {
            v.Symptoms = [.. symptoms[v.Id]];
            v.ExaminationFindings = [.. findings[v.Id]];
            v.ReportedChanges = [.. changes[v.Id]];
        }
        var assessments = await AssessmentsAsync(db, id, ct);
        var courses = await db.TreatmentCourses.AsNoTracking().Where(c => c.PatientId == id)
            .Include(c => c.Transplantations).OrderBy(c => c.StartDate).ToListAsync(ct);
        var events = await db.AdverseEvents.AsNoTracking().Where(e => e.PatientId == id).OrderBy(e => e.OnsetDate).ToListAsync(ct);
        return new ChartData(head.Patient, head.Diagnosis, head.VitalStatus, consents, visits, assessments, courses, events);
    }

    public static Task<List<AlsfrsRAssessment>> AssessmentsAsync(RegistryDbContext db, Guid id, CancellationToken ct) =>
        db.AlsfrsRAssessments.AsNoTracking().Where(a => a.PatientId == id).OrderBy(a => a.AssessedOn).ToListAsync(ct);
}
