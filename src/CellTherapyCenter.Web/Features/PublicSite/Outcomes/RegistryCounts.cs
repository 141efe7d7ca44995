using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Courses;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.PublicSite.Outcomes;

/// <summary>
/// The denominators behind the outcome figures, counted from the registry on each computation
/// (no stored totals): who is recorded, who was treated, who has follow-up after treatment.
/// Voided records never count.
/// </summary>
public sealed record RegistryCounts(
    int Patients,
    int SyntheticPatients,
    int Treated,
    int TreatedWithFollowUpScore,
    int TreatedWithReportedChange,
    int Deaths,
    DateOnly? LatestRecord)
{
    public static async Task<RegistryCounts> CountAsync(RegistryDbContext db, CancellationToken ct)
    {
        var patients = db.Patients.Where(p => p.VoidedAt == null);
        var courses = db.CountedCourses();
        // Written per patient (a correlated first-course date), which both SQLite and PostgreSQL plan well.
        var treated = patients.Select(p => new
        {
            p.Id,
            FirstCourse = courses.Where(c => c.PatientId == p.Id).Min(c => (DateOnly?)c.StartDate),
        }).Where(p => p.FirstCourse != null);

        var total = await patients.CountAsync(ct);
        var synthetic = await patients.CountAsync(p => p.IsSynthetic, ct);
        var treatedCount = await treated.CountAsync(ct);
        var withScore = await treated.CountAsync(t => db.AlsfrsRAssessments.Any(a =>
            a.PatientId == t.Id && a.VoidedAt == null && a.Total != null && a.AssessedOn > t.FirstCourse), ct);
        var withChange = await treated.CountAsync(t => db.PatientReportedChanges.Any(r =>
            r.PatientId == t.Id && r.VoidedAt == null && db.Visits.Any(v => v.Id == r.VisitId && v.VoidedAt == null && v.Date > t.FirstCourse)), ct);
        var deaths = await db.VitalStatuses.CountAsync(v => v.VoidedAt == null && !v.IsAlive && patients.Any(p => p.Id == v.PatientId), ct);
        var latestAssessment = await db.AlsfrsRAssessments.Where(a => a.VoidedAt == null).MaxAsync(a => (DateOnly?)a.AssessedOn, ct);
        var latestVisit = await db.Visits.Where(v => v.VoidedAt == null).MaxAsync(v => (DateOnly?)v.Date, ct);
        var latest = latestAssessment > latestVisit || latestVisit is null ? latestAssessment : latestVisit;
        return new RegistryCounts(total, synthetic, treatedCount, withScore, withChange, deaths, latest);
    }
}
