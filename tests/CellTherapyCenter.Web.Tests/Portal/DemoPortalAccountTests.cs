using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.Demo;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Portal;

/// <summary>The demo registry's portal account opens a synthetic, treated patient's portal with their own scores.</summary>
public sealed class DemoPortalAccountTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_demo_portal_account_signs_in_to_a_synthetic_treated_patient_with_a_trajectory()
    {
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoCohortSeeder>()
                .SeedAsync(new DemoCohortOptions { Patients = 30, Seed = 5, DataDate = new DateOnly(2026, 6, 1), NaturalHistorySubjects = 0 }, CancellationToken.None);
            await DemoPortalAccount.CreateAsync(scope.ServiceProvider.GetRequiredService<RegistryDbContext>(),
                scope.ServiceProvider.GetRequiredService<PortalInvitations>(), RegistryAppFactory.TestPassword, CancellationToken.None);
        }
        var account = await app.WithDbAsync(db => db.PortalAccounts.SingleAsync(a => a.Email == DemoPortalAccount.Email));
        var patient = await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == account.PatientId));
        Assert.True(patient.IsSynthetic);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboundEmails.CountAsync(m => m.ToAddress == DemoPortalAccount.Email)));

        var client = await PortalTestKit.SignedInAsync(app, DemoPortalAccount.Email);
        Assert.Contains(patient.GivenName, await client.GetStringAsync("/portal"));
        var trajectory = StaffSession.Parse(await client.GetStringAsync("/portal/trajectory"));
        Assert.NotEmpty(trajectory.QuerySelectorAll("tbody tr"));
        Assert.NotEmpty(trajectory.QuerySelectorAll("main ul li"));
    }
}
