using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Portal.SelfReport;

/// <summary>A self-report's change since the one before it; <see cref="Then"/> is null for the first.</summary>
public sealed record ChangeSinceLast(AlsfrsRChange? Change, DateOnly? Then);

/// <summary>
/// Finds the self-report a new one is compared with: the patient's latest earlier ALSFRS-R sent
/// through the portal (self-administered online, complete, not voided). Staff-rated assessments are
/// not compared with, as a patient's own rating and a clinician's may differ.
/// </summary>
public static class SelfReportChanges
{
    /// <summary>The change of <paramref name="now"/> since the self-report before it, or null when <paramref name="now"/> has no total.</summary>
    public static async Task<ChangeSinceLast?> SinceLastAsync(RegistryDbContext db, AlsfrsRAssessment now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(now);
        if (now.Total is null) return null;
        var then = await SelfReports(db, now.PatientId)
            .Where(a => a.Id != now.Id && (a.AssessedOn < now.AssessedOn || (a.AssessedOn == now.AssessedOn && a.CreatedAt < now.CreatedAt)))
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.CreatedAt)
            .FirstOrDefaultAsync(ct);
        return then is null ? new(null, null) : new(AlsfrsRChange.Between(Score(now), Score(then)), then.AssessedOn);
    }

    /// <summary>The patient's latest complete self-report, if any.</summary>
    public static Task<AlsfrsRAssessment?> LatestAsync(RegistryDbContext db, Guid patientId, CancellationToken ct) =>
        SelfReports(db, patientId).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.CreatedAt).FirstOrDefaultAsync(ct);

    private static IQueryable<AlsfrsRAssessment> SelfReports(RegistryDbContext db, Guid patientId) =>
        db.AlsfrsRAssessments.AsNoTracking().Where(a => a.PatientId == patientId && a.VoidedAt == null
            && a.Mode == AssessmentMode.SelfAdministeredOnline && a.Total != null);

    private static AlsfrsRScore Score(AlsfrsRAssessment a) => new(a.Total, a.Bulbar, a.FineMotor, a.GrossMotor, a.Respiratory, []);
}
