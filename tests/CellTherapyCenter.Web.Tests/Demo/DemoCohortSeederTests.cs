using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Web.Features.Demo;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Demo;

/// <summary>The seeder writes exactly the generated cohort (EF batches on SQLite, binary COPY on PostgreSQL).</summary>
public sealed class DemoCohortSeederTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task Seeding_stores_the_generated_cohort_and_one_audit_line(DatabaseProvider database)
    {
        _app = apps[database];
        var options = new DemoCohortOptions { Patients = 40, Seed = 11, DataDate = new DateOnly(2026, 6, 1) };
        var expected = new DemoCohortGenerator(options, options.DataDate!.Value).Generate();
        _ = _app.Server;
        using (var scope = _app.Services.CreateScope())
            Assert.Equal(40, await scope.ServiceProvider.GetRequiredService<DemoCohortSeeder>().SeedAsync(options, CancellationToken.None));

        await _app.WithDbAsync(async db =>
        {
            Assert.Equal(expected.Patients.Count, await db.Patients.CountAsync(p => p.IsSynthetic));
            Assert.Equal(expected.Assessments.Count, await db.AlsfrsRAssessments.CountAsync());
            Assert.Equal(expected.Symptoms.Count, await db.SymptomObservations.CountAsync());
            Assert.Equal(expected.Transplantations.Count, await db.Transplantations.CountAsync());
            var sample = expected.Assessments[expected.Assessments.Count / 2];
            var stored = await db.AlsfrsRAssessments.SingleAsync(a => a.Id == sample.Id);
            Assert.Equal((sample.AssessedOn, sample.Total, sample.KingsStage, sample.Responses.CuttingFoodVersion), (stored.AssessedOn, stored.Total, stored.KingsStage, stored.Responses.CuttingFoodVersion));
            var patient = expected.Patients[3];
            var storedPatient = await db.Patients.SingleAsync(p => p.Id == patient.Id);
            Assert.Equal((patient.CurrentKingsStage, patient.VitalState, patient.LastVisitOn), (storedPatient.CurrentKingsStage, storedPatient.VitalState, storedPatient.LastVisitOn));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == "DemoCohort" && a.Action == AuditActions.Create));
            return 0;
        });
    }
}
