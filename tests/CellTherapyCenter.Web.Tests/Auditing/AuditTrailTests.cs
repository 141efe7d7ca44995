using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Auditing;

public sealed class AuditTrailTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    private static Patient NewPatient(string family) => new()
    {
        FamilyName = family, GivenName = "Ana", DateOfBirth = new DateOnly(1970, 5, 1), Sex = Sex.Female,
        Pseudonym = "CTC-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(),
    };

    private async Task<Guid> AddPatientAsync(string family) => await _app.WithDbAsync(async db =>
    {
        var p = NewPatient(family);
        db.Patients.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    });

    [Theory, EveryDatabase]
    public async Task A_create_and_an_update_are_audited_with_old_and_new_values(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await AddPatientAsync("Audited");
        await _app.WithDbAsync(async db =>
        {
            var p = await db.Patients.SingleAsync(x => x.Id == id);
            p.FamilyName = "Renamed";
            return await db.SaveChangesAsync();
        });

        var lines = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.PatientId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditActions.Create, AuditActions.Update], lines.Select(l => l.Action));
        Assert.All(lines, l => Assert.Equal(nameof(Patient), l.EntityType));
        Assert.Equal("Audited", JsonDocument.Parse(lines[0].Changes!).RootElement.GetProperty("FamilyName").GetString());
        var change = JsonDocument.Parse(lines[1].Changes!).RootElement.GetProperty("FamilyName");
        Assert.Equal("Audited", change.GetProperty("old").GetString());
        Assert.Equal("Renamed", change.GetProperty("new").GetString());
    }

    [Theory, EveryDatabase]
    public async Task Registry_records_cannot_be_deleted_only_voided(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await AddPatientAsync("Kept");
        await Assert.ThrowsAsync<InvalidOperationException>(() => _app.WithDbAsync(async db =>
        {
            db.Patients.Remove(await db.Patients.SingleAsync(x => x.Id == id));
            return await db.SaveChangesAsync();
        }));
        Assert.True(await _app.WithDbAsync(db => db.Patients.AnyAsync(x => x.Id == id)));
    }

    [Theory, EveryDatabase]
    public async Task The_database_refuses_to_change_or_delete_audit_lines(DatabaseProvider database)
    {
        _app = apps[database];
        await AddPatientAsync("Trail");
        var before = await _app.WithDbAsync(db => db.AuditEntries.CountAsync());
        Assert.True(before > 0);
        await Assert.ThrowsAnyAsync<Exception>(() => _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'tampered'")));
        await Assert.ThrowsAnyAsync<Exception>(() => _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"")));
        Assert.Equal(before, await _app.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.False(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "tampered")));
    }

    [Theory, EveryDatabase]
    public async Task Showing_the_patient_list_is_audited_with_the_user_and_the_patients_shown(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await AddPatientAsync("Listed");
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var response = await client.GetAsync("/staff/patients?q=Listed");
        response.EnsureSuccessStatusCode();
        Assert.Contains("Listed, Ana", await response.Content.ReadAsStringAsync());

        var line = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.List).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal("coordinator@test.local", line.UserName);
        Assert.Contains(id.ToString(), line.Detail);
    }

    [Theory, EveryDatabase]
    public async Task A_stale_concurrent_save_is_refused_and_the_first_save_is_kept(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await AddPatientAsync("Concurrent");
        using var scopeA = _app.Services.CreateScope();
        using var scopeB = _app.Services.CreateScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var a = await dbA.Patients.SingleAsync(x => x.Id == id);
        var b = await dbB.Patients.SingleAsync(x => x.Id == id);

        a.Phone = "+381111111";
        await dbA.SaveChangesAsync();
        b.Phone = "+381222222";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());

        Assert.Equal("+381111111", await _app.WithDbAsync(db => db.Patients.Where(x => x.Id == id).Select(x => x.Phone).SingleAsync()));
    }
}
