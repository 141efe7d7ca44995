using System.Text.Json;
using CellTherapyCenter.Web.Data;
using CellTherapyCenter.Web.Data.Model;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>
/// Writes the synthetic demo cohort into an empty registry in batches. Row-by-row auditing is
/// off for the bulk insert; one audit line records the seeding and its parameters instead.
/// </summary>
public sealed class DemoCohortSeeder(RegistryDbContext db, AuditLog audit, TimeProvider clock)
{
    private const int PatientsPerBatch = 500;

    public async Task<int> SeedAsync(DemoCohortOptions options, CancellationToken ct)
    {
        var dataDate = options.DataDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var cohort = new DemoCohortGenerator(options, dataDate).Generate();
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var record in cohort.AllRecords().OfType<RegistryRecord>()) record.CreatedAt = now;
        if (db.Database.IsNpgsql())
        {
            await PostgreSqlBulkWriter.WriteAsync(db, cohort.AllRecords().ToList(), ct);
            RegistryDbContext.RecordsWrittenInBulk();
            await WriteAuditAsync(options, dataDate, ct);
            return cohort.Patients.Count;
        }

        db.AuditChanges = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var byPatient = cohort.AllRecords().OfType<RegistryRecord>().ToLookup(r => r.AuditPatientId);
            foreach (var batch in cohort.Patients.Chunk(PatientsPerBatch))
            {
                foreach (var patient in batch)
                {
                    // Parents before children, so foreign keys hold within the batch.
                    foreach (var record in byPatient[patient.Id].OrderBy(Order))
                        db.Add(record);
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.AuditChanges = true;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        await WriteAuditAsync(options, dataDate, ct);
        return cohort.Patients.Count;
    }

    private Task WriteAuditAsync(DemoCohortOptions options, DateOnly dataDate, CancellationToken ct) =>
        audit.WriteAsync(AuditActions.Create, "DemoCohort", null, null,
            JsonSerializer.Serialize(new { options.Patients, options.Seed, options.TreatmentEffectPointsPerMonth, options.SelfReportShare, DataDate = dataDate, synthetic = true }), ct);

    private static int Order(RegistryRecord r) => r switch
    {
        Patient => 0,
        TreatmentCourse => 1,
        Visit => 2,
        _ => 3,
    };
}
