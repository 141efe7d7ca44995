using CellTherapyCenter.Web.Data;
using CellTherapyCenter.Web.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Patients;

/// <summary>Everything recorded for one patient, loaded in a handful of queries (no N+1).</summary>
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
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null) return null;
        var diagnosis = await db.Diagnoses.AsNoTracking().FirstOrDefaultAsync(d => d.PatientId == id, ct);
        var vital = await db.VitalStatuses.AsNoTracking().FirstOrDefaultAsync(v => v.PatientId == id, ct);
        var consents = await db.Consents.AsNoTracking().Where(c => c.PatientId == id).OrderBy(c => c.GivenAt).ToListAsync(ct);
        var visits = await db.Visits.AsNoTracking().Where(v => v.PatientId == id)
            .Include(v => v.Symptoms).Include(v => v.ExaminationFindings).Include(v => v.ReportedChanges)
            .AsSplitQuery().OrderBy(v => v.Date).ToListAsync(ct);
        var assessments = await AssessmentsAsync(db, id, ct);
        var courses = await db.TreatmentCourses.AsNoTracking().Where(c => c.PatientId == id)
            .Include(c => c.Transplantations).OrderBy(c => c.StartDate).ToListAsync(ct);
        var events = await db.AdverseEvents.AsNoTracking().Where(e => e.PatientId == id).OrderBy(e => e.OnsetDate).ToListAsync(ct);
        return new ChartData(patient, diagnosis, vital, consents, visits, assessments, courses, events);
    }

    public static Task<List<AlsfrsRAssessment>> AssessmentsAsync(RegistryDbContext db, Guid id, CancellationToken ct) =>
        db.AlsfrsRAssessments.AsNoTracking().Where(a => a.PatientId == id).OrderBy(a => a.AssessedOn).ToListAsync(ct);
}
