using System.Net;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Features.Privacy;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Privacy;

/// <summary>
/// An administrator lifts a restriction of processing that was withdrawn or recorded in error (GDPR
/// Art. 18(3)): only with a reason and once the patient was told, audited, and the patient's records
/// are usable again (not shown as restricted, invitations possible); never once pseudonymisation ran.
/// </summary>
public sealed class LiftRestrictionTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task A_restriction_is_lifted_with_a_reason_once_the_patient_was_told_and_is_audited(DatabaseProvider database)
    {
        var app = apps[database];
        var patient = Arrange.Patient(PrivacyArrange.UniqueName("Liftova"));
        await app.WithDbAsync(async db => { db.Patients.Add(patient); return await db.SaveChangesAsync(); });
        var admin = await app.SignedInClientAsync(StaffRoles.Administrator);
        var url = $"/staff/patients/{patient.Id}/erasure";
        var restricted = await StaffSession.SubmitFormAsync(admin, url,
            new Dictionary<string, string> { ["ReceivedOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd") }, "form[action*=Restrict]");
        Assert.Equal(HttpStatusCode.Redirect, restricted.StatusCode);
        Assert.True(await RestrictedAsync(app, patient.Id));

        // Neither without a reason nor before the patient was told.
        var refused = await StaffSession.SubmitFormAsync(admin, url, new Dictionary<string, string> { ["LiftReason"] = " " }, "form[action*=Lift]");
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Give the reason", page);
        Assert.Contains("Tell the patient before the restriction is lifted", page);
        Assert.True(await RestrictedAsync(app, patient.Id));

        var lifted = await StaffSession.SubmitFormAsync(admin, url,
            new Dictionary<string, string> { ["LiftReason"] = "The patient withdrew the request by phone", ["PatientInformed"] = "true" }, "form[action*=Lift]");
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.False(await RestrictedAsync(app, patient.Id));
        Assert.Contains("The restriction was lifted", await admin.GetStringAsync(url));
        Assert.DoesNotContain("processing restricted", await admin.GetStringAsync($"/staff/patients/{patient.Id}"));
        var request = await app.WithDbAsync(db => db.ErasureRequests.SingleAsync(r => r.PatientId == patient.Id));
        Assert.Equal("The patient withdrew the request by phone", request.VoidReason);
        Assert.Equal(RegistryAppFactory.AdminEmail, request.VoidedBy);
        var line = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == PatientErasure.LiftAction && a.PatientId == patient.Id));
        Assert.Contains("withdrew the request", line.Detail);
        Assert.Equal(RegistryAppFactory.AdminEmail, line.UserName);

        // The records are usable again: a portal invitation is possible, and a new request restricts again.
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PortalInvitations>()
                .InviteAsync(patient.Id, PortalRole.Patient, "Vera", $"lifted-{Guid.NewGuid():N}@example.org", "en", "test", default);
        }
        var again = await StaffSession.SubmitFormAsync(admin, url,
            new Dictionary<string, string> { ["ReceivedOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd") }, "form[action*=Restrict]");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.True(await RestrictedAsync(app, patient.Id));
    }

    [Theory, EveryDatabase]
    public async Task A_restriction_cannot_be_lifted_once_the_patient_is_pseudonymised(DatabaseProvider database)
    {
        var app = apps[database];
        var patient = Arrange.Patient(PrivacyArrange.UniqueName("Pseudova"));
        await app.WithDbAsync(async db => { db.Patients.Add(patient); return await db.SaveChangesAsync(); });
        using (var scope = app.Services.CreateScope())
        {
            var erasure = scope.ServiceProvider.GetRequiredService<PatientErasure>();
            await erasure.RestrictAsync(patient.Id, DateOnly.FromDateTime(DateTime.UtcNow), "test", default);
            await erasure.PseudonymiseAsync(patient.Id, "test", default);
        }
        var admin = await app.SignedInClientAsync(StaffRoles.Administrator);
        var url = $"/staff/patients/{patient.Id}/erasure";
        Assert.DoesNotContain("Lift the restriction", await admin.GetStringAsync(url));

        // Posted anyway (an old page, a crafted request): refused, and nothing changes.
        var token = await StaffSession.AntiforgeryTokenAsync(admin, "/staff/account");
        var posted = await admin.PostAsync(url + "?handler=Lift", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["LiftReason"] = "Recorded in error", ["PatientInformed"] = "true", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("cannot be lifted", await posted.Content.ReadAsStringAsync());
        Assert.True(await RestrictedAsync(app, patient.Id));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == PatientErasure.LiftAction && a.PatientId == patient.Id)));
    }

    [Theory, EveryDatabase]
    public async Task Only_administrators_lift_a_restriction(DatabaseProvider database)
    {
        var app = apps[database];
        var patient = Arrange.Patient(PrivacyArrange.UniqueName("Rolova"));
        await app.WithDbAsync(async db => { db.Patients.Add(patient); return await db.SaveChangesAsync(); });
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<PatientErasure>().RestrictAsync(patient.Id, DateOnly.FromDateTime(DateTime.UtcNow), "test", default);
        var physician = await app.SignedInClientAsync(StaffRoles.Physician);
        var token = await StaffSession.AntiforgeryTokenAsync(physician, "/staff/account");
        var posted = await physician.PostAsync($"/staff/patients/{patient.Id}/erasure?handler=Lift", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["LiftReason"] = "Recorded in error", ["PatientInformed"] = "true", ["__RequestVerificationToken"] = token,
        }));
        Assert.True(posted.StatusCode == HttpStatusCode.Forbidden || posted.Headers.Location?.OriginalString.Contains("/staff/access-denied", StringComparison.Ordinal) == true,
            $"{(int)posted.StatusCode} {posted.Headers.Location}");
        Assert.True(await RestrictedAsync(app, patient.Id));
    }

    private static Task<bool> RestrictedAsync(RegistryAppFactory app, Guid patientId) =>
        app.WithDbAsync(db => PatientErasure.Live(db, patientId).AnyAsync());
}
