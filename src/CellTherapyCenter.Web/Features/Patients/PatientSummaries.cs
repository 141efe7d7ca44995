using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Patients;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Patients;

/// <summary>
/// Keeps the summary columns on <see cref="Patient"/> (current stage, latest total, last visit,
/// vital state) in step with the records they summarise.
/// </summary>
public static class PatientSummaries
{
    /// <summary>
    /// Saves pending changes and the patient's refreshed summary in one transaction, so a list
    /// never shows a summary that disagrees with the chart. Throws DbUpdateConcurrencyException
    /// like SaveChangesAsync when another user changed the same record first.
    /// </summary>
    public static async Task SaveWithSummaryAsync(this RegistryDbContext db, Guid patientId, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await RefreshAsync(db, patientId, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
    }

    /// <summary>Recomputes the summary from what is stored (call after saving the records).</summary>
    public static async Task RefreshAsync(RegistryDbContext db, Guid patientId, CancellationToken ct = default)
    {
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId, ct);
        // The latest complete assessment: an incomplete one has no total and may stage on half the
        // items, so it must not hide a complete one (the chart says when a newer incomplete exists).
        var latest = await db.AlsfrsRAssessments.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.VoidedAt == null && a.IsComplete)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.CreatedAt)
            .Select(a => new { a.Total, a.KingsStage, a.MitosStage })
            .FirstOrDefaultAsync(ct);
        var lastVisit = await db.Visits.Where(v => v.PatientId == patientId && v.VoidedAt == null)
            .MaxAsync(v => (DateOnly?)v.Date, ct);
        var deceased = await db.VitalStatuses.AnyAsync(v => v.PatientId == patientId && v.VoidedAt == null && !v.IsAlive, ct);

        patient.VitalState = deceased ? VitalState.Deceased : VitalState.Alive;
        patient.LatestAlsfrsRTotal = latest?.Total;
        patient.CurrentKingsStage = deceased ? KingsStageValue.Stage5 : latest?.KingsStage;
        patient.CurrentMitosStage = deceased ? Clinical.Staging.MitosStage.DeathStage : latest?.MitosStage;
        patient.LastVisitOn = lastVisit;
    }
}
