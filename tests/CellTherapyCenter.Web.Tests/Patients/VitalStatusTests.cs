using System.Net;
using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Patients;

public sealed class VitalStatusTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task Death_needs_a_date_and_once_recorded_the_patient_is_deceased_at_kings_stage_5(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await Arrange.PatientWithHistoryAsync(_app, "Vitalova");
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var url = $"/staff/patients/{id}/vital-status";

        var refused = await StaffSession.SubmitFormAsync(client, url, new Dictionary<string, string> { ["Input.IsAlive"] = "false", ["Input.CauseOfDeath"] = "Respiratory failure" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = StaffSession.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Enter the date of death", html.QuerySelector("[data-valmsg-for='Input.DateOfDeath']")?.TextContent);
        Assert.Equal("Respiratory failure", html.QuerySelector("#Input_CauseOfDeath")?.GetAttribute("value"));
        Assert.False(await _app.WithDbAsync(db => db.VitalStatuses.AnyAsync(v => v.PatientId == id)));

        var saved = await StaffSession.SubmitFormAsync(client, url, new Dictionary<string, string>
        {
            ["Input.IsAlive"] = "false", ["Input.DateOfDeath"] = "2025-10-01", ["Input.CauseOfDeath"] = "Respiratory failure",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var patient = await _app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == id));
        Assert.Equal(VitalState.Deceased, patient.VitalState);
        Assert.Equal(KingsStageValue.Stage5, patient.CurrentKingsStage);
        Assert.Equal(5, patient.CurrentMitosStage);

        var list = await client.GetStringAsync("/staff/patients?stage=5&q=Vitalova");
        Assert.Contains("Vitalova, Vera", list);
    }
}
