using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>
/// Writes the synthetic demo cohort into an empty registry in batches. Row-by-row auditing is
/// off for the bulk insert; one audit line records the seeding and its parameters instead.
/// The synthetic natural-history cohort follows, through the PRO-ACT import (<see cref="DemoNaturalHistoryCohort"/>).
/// </summary>
public sealed class DemoCohortSeeder(RegistryDbContext db, AuditLog audit, TimeProvider clock, IOptions<FollowUpOptions> followUp)
{
    private const int PatientsPerBatch = 500;

    public async Task<int> SeedAsync(DemoCohortOptions options, CancellationToken ct)
    {
        var dataDate = options.DataDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var cohort = new DemoCohortGenerator(options, dataDate).Generate();
        var now = clock.GetUtcNow().UtcDateTime;
        if (options.FollowUpSchedules) AddFollowUpSchedules(cohort, followUp.Value);

        foreach (var record in cohort.AllRecords().OfType<RegistryRecord>()) record.CreatedAt = now;
        foreach (var patient in cohort.Patients) patient.RefreshSearchText(); // COPY bypasses SaveChangesAsync
        if (db.Database.IsNpgsql())
        {
            await PostgreSqlBulkWriter.WriteAsync(db, cohort.AllRecords().ToList(), ct);
            RegistryDbContext.RecordsWrittenInBulk();
            await WriteAuditAsync(options, dataDate, ct);
            await DemoNaturalHistoryCohort.SeedAsync(db, options, ct);
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
        await DemoNaturalHistoryCohort.SeedAsync(db, options, ct);
        return cohort.Patients.Count;
    }

    /// <summary>The follow-up schedule each demo course would have had, completed where the demo visits and self-reports fall.</summary>
    private static void AddFollowUpSchedules(DemoCohort cohort, FollowUpOptions o)
    {
        var courses = cohort.Courses.ToLookup(c => c.PatientId);
        var visits = cohort.Visits.Where(v => !v.IsVoided).ToLookup(v => v.PatientId);
        var reports = cohort.Assessments.Where(a => !a.IsVoided && a.Rater is AssessmentRater.Patient or AssessmentRater.Caregiver).ToLookup(a => a.PatientId);
        foreach (var patient in cohort.Patients)
        {
            if (!courses[patient.Id].Any()) continue;
            cohort.FollowUpItems.AddRange(FollowUpSchedule.ForHistory(courses[patient.Id].ToList(),
                visits[patient.Id].OrderBy(v => v.Date).Select(v => new FollowUpSchedule.DatedRecord(v.Id, v.Date)).ToList(),
                reports[patient.Id].OrderBy(a => a.AssessedOn).Select(a => new FollowUpSchedule.DatedRecord(a.Id, a.AssessedOn)).ToList(), o));
        }
    }

    private Task WriteAuditAsync(DemoCohortOptions options, DateOnly dataDate, CancellationToken ct) =>
        audit.WriteAsync(AuditActions.Create, "DemoCohort", null, null,
            JsonSerializer.Serialize(new { options.Patients, options.Seed, options.TreatmentEffectPointsPerMonth, options.SelfReportShare, options.FollowUpSchedules, options.NaturalHistorySubjects, DataDate = dataDate, synthetic = true }), ct);

    private static int Order(RegistryRecord r) => r switch
    {
        Patient => 0,
        TreatmentCourse => 1,
        Visit => 2,
        _ => 3,
    };
}
