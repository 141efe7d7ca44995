using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Vitals;
using CellTherapyCenter.Web.Tests.Infrastructure;

namespace CellTherapyCenter.Web.Tests.Patients;

public sealed class EligibilityScreenTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task The_screen_shows_each_indication_and_flag_from_the_registry(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await Arrange.PatientWithHistoryAsync(_app, "Screenova");
        await _app.WithDbAsync(async db =>
        {
            db.VitalStatuses.Add(new VitalStatus { PatientId = id, IsAlive = true, GastrostomyDate = new DateOnly(2025, 7, 1) });
            return await db.SaveChangesAsync();
        });
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var html = StaffSession.Parse(await client.GetStringAsync($"/staff/patients/{id}/eligibility"));
        string Row(string heading) => html.QuerySelectorAll("tr").First(r => r.QuerySelector("th")?.TextContent.StartsWith(heading, StringComparison.Ordinal) == true).TextContent;

        Assert.Contains("Met", Row("Confirmed ALS diagnosis"));          // Gold Coast met
        Assert.Contains("Met", Row("Documented progression"));           // 44 -> 40
        Assert.Contains("ALSFRS-R 44 on 2025-01-10, 40 on 2025-06-10", Row("Documented progression"));
        Assert.Contains("Met", Row("No response to existing treatment"));  // riluzole and still progressing
        Assert.Contains("Yes: needs review", Row("Gastrostomy"));
        Assert.Contains("No", Row("Artificial ventilation"));
        Assert.Contains("A physician's review is needed", html.Body!.TextContent);
    }
}
