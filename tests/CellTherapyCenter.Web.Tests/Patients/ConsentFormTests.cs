using System.Net;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Patients;

public sealed class ConsentFormTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task A_consent_keeps_its_wording_and_a_withdrawal_is_recorded_not_deleted(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await _app.WithDbAsync(async db => { var p = Arrange.Patient("Consentova"); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var created = await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/consents/new?kind=CasePublication",
            new Dictionary<string, string> { ["Kind"] = "CasePublication", ["Wording"] = "I agree to my case being shown.", ["GivenOn"] = "2025-01-05" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var consent = await _app.WithDbAsync(db => db.Consents.SingleAsync(c => c.PatientId == id));
        Assert.Equal((ConsentKind.CasePublication, "I agree to my case being shown."), (consent.Kind, consent.Wording));

        var withdrawn = await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/consents/{consent.Id}",
            new Dictionary<string, string> { ["ConcurrencyStamp"] = consent.ConcurrencyStamp.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var after = await _app.WithDbAsync(db => db.Consents.SingleAsync(c => c.Id == consent.Id));
        Assert.NotNull(after.WithdrawnAt);
        Assert.Equal("I agree to my case being shown.", after.Wording);
    }
}
