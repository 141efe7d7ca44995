using System.Net;
using CellTherapyCenter.Web.Data.Model;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Patients;

public abstract class ChartTests<TApp>(TApp app) where TApp : RegistryAppFactory
{
    [Fact]
    public async Task The_chart_shows_the_record_and_its_read_is_audited()
    {
        var id = await Arrange.PatientWithHistoryAsync(app, "Chartova");
        var client = await app.SignedInClientAsync(StaffRoles.Physician);
        var response = await client.GetAsync($"/staff/patients/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Chartova, Vera", html);
        Assert.Contains("ALSFRS-R 40/48", html);
        Assert.Contains("381641234567", html); // Razor encodes the "+"

        var read = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.PatientId == id && a.Action == AuditActions.Read).ToListAsync());
        Assert.Contains(read, a => a.UserName == "physician@test.local" && a.EntityType == nameof(Patient));
    }

    [Fact]
    public async Task A_researcher_sees_the_pseudonym_and_no_identity()
    {
        var id = await Arrange.PatientWithHistoryAsync(app, "Hiddenova");
        var pseudonym = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.Pseudonym).SingleAsync());
        var client = await app.SignedInClientAsync(StaffRoles.Researcher);

        var chart = await (await client.GetAsync($"/staff/patients/{id}")).Content.ReadAsStringAsync();
        Assert.Contains(pseudonym, chart);
        Assert.Contains("1965", chart);
        foreach (var secret in new[] { "Hiddenova", "Vera", "vera.testova@example.invalid", "381641234567", "1965-03-14" })
            Assert.DoesNotContain(secret, chart);

        var list = await (await client.GetAsync($"/staff/patients?q={pseudonym}")).Content.ReadAsStringAsync();
        Assert.Contains(pseudonym, list);
        Assert.DoesNotContain("Hiddenova", list);
        // Searching by name does not work for a researcher: it would reveal who is in the registry.
        Assert.DoesNotContain(pseudonym, await (await client.GetAsync("/staff/patients?q=Hiddenova")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_trajectory_is_a_png_and_is_audited()
    {
        var id = await Arrange.PatientWithHistoryAsync(app, "Plotova");
        var client = await app.SignedInClientAsync(StaffRoles.Coordinator);
        var response = await client.GetAsync($"/staff/patients/{id}/trajectory.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.PatientId == id && a.Detail == "trajectory plot")));
    }

    [Fact]
    public async Task An_unknown_patient_is_404()
    {
        var client = await app.SignedInClientAsync(StaffRoles.Physician);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/patients/{Guid.NewGuid()}")).StatusCode);
    }
}

public sealed class ChartTests_Sqlite(SqliteApp app) : ChartTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ChartTests_PostgreSql(PostgreSqlApp app) : ChartTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
