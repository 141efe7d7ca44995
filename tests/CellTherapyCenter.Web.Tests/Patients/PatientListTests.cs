using System.Net;
using System.Text.RegularExpressions;
using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;

namespace CellTherapyCenter.Web.Tests.Patients;

public sealed partial class PatientListTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task The_count_of_a_filter_follows_a_new_patient_at_once(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        async Task<int> CountAsync()
        {
            var response = await client.GetAsync("/staff/patients?stage=4B&status=Alive");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return int.Parse(Caption().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
        }

        var before = await CountAsync();
        Assert.Equal(before, await CountAsync()); // the second read may come from the remembered count
        await _app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Countova");
            p.CurrentKingsStage = KingsStageValue.Stage4B;
            db.Patients.Add(p);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(before + 1, await CountAsync());
    }

    [GeneratedRegex(@"<caption>(\d+) patients?, page")]
    private static partial Regex Caption();
}
