using System.Net;
using CellTherapyCenter.Clinical.AdverseEvents;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Patients;

public sealed class AdverseEventFormTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    private static Dictionary<string, string> Fields(string grade, string outcome) => new()
    {
        ["Input.Term"] = "Fever", ["Input.OnsetDate"] = "2025-03-02", ["Input.Grade"] = grade, ["Input.Relatedness"] = "Probable", ["Input.Outcome"] = outcome,
    };

    [Theory, EveryDatabase]
    public async Task A_grade_5_event_that_recovered_is_refused_and_grade_4_is_always_serious(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await _app.WithDbAsync(async db => { var p = Arrange.Patient("Eventova"); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var url = $"/staff/patients/{id}/adverse-events/new";

        var refused = await StaffSession.SubmitFormAsync(client, url, Fields("Death", "Recovered"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("grade 5", StaffSession.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.Outcome']")?.TextContent);
        Assert.False(await _app.WithDbAsync(db => db.AdverseEvents.AnyAsync(e => e.PatientId == id)));

        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, url, Fields("LifeThreatening", "Recovered"))).StatusCode);
        var stored = await _app.WithDbAsync(db => db.AdverseEvents.SingleAsync(e => e.PatientId == id));
        Assert.Equal((CtcaeGrade.LifeThreatening, Relatedness.Probable, true), (stored.Grade, stored.Relatedness, stored.Serious));
    }
}
