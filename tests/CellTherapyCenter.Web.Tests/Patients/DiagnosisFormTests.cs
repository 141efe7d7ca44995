using System.Net;
using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Patients;

public sealed class DiagnosisFormTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task A_diagnosis_is_recorded_and_onset_after_diagnosis_is_refused(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await _app.WithDbAsync(async db => { var p = Arrange.Patient("Diagnosova"); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var url = $"/staff/patients/{id}/diagnosis";
        var fields = new Dictionary<string, string>
        {
            ["Input.OnsetDate"] = "2024-05-01", ["Input.OnsetSite"] = "Bulbar", ["Input.DiagnosisDate"] = "2024-02-01",
            ["Input.ElEscorial"] = "Definite", ["Input.GoldCoastMet"] = "true", ["Input.C9orf72"] = "Positive", ["Input.Sod1"] = "Negative",
            ["Input.TakesRiluzole"] = "true",
        };
        var refused = await StaffSession.SubmitFormAsync(client, url, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("cannot come after the diagnosis", StaffSession.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.OnsetDate']")?.TextContent);
        Assert.False(await _app.WithDbAsync(db => db.Diagnoses.AnyAsync(d => d.PatientId == id)));

        fields["Input.DiagnosisDate"] = "2025-01-15";
        var client2 = await _app.SignedInClientAsync(StaffRoles.Physician);
        var body = new List<KeyValuePair<string, string>>(fields) { new("Input.AffectedRegions", "Bulbar"), new("Input.AffectedRegions", "Cervical") };
        body.Add(new("__RequestVerificationToken", await StaffSession.AntiforgeryTokenAsync(client2, url)));
        Assert.Equal(HttpStatusCode.Redirect, (await client2.PostAsync(url, new FormUrlEncodedContent(body))).StatusCode);
        var d = await _app.WithDbAsync(db => db.Diagnoses.SingleAsync(x => x.PatientId == id));
        Assert.Equal((OnsetSite.Bulbar, ElEscorialCategory.Definite, BodyRegions.Bulbar | BodyRegions.Cervical, GeneticResult.Positive, true),
            (d.OnsetSite!.Value, d.ElEscorial!.Value, d.AffectedRegions, d.C9orf72, d.TakesRiluzole));
    }
}
