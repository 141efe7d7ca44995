using System.Net;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Outcomes;
using CellTherapyCenter.Web.Features.Outcomes;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Features.Privacy;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Privacy;

/// <summary>
/// An erasure request through the administrator's page: recording it restricts processing at once
/// (portal sign-in refused, no new invitation, queued email cancelled, shown as restricted), and
/// pseudonymising then leaves the old name, email, phone and address nowhere in the database but
/// the audit trail, removes the documents and the portal sign-in, and keeps the research data: every
/// outcome count of the claims audit and every score, date and course as before.
/// </summary>
public sealed class ErasureTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task Erasure_restricts_at_once_then_leaves_no_identifying_field_and_keeps_the_research_data(DatabaseProvider database)
    {
        var app = apps[database];
        var p = await PrivacyArrange.FullPatientAsync(app);
        // A change of address through the registry's save path keeps the version it replaces (with the
        // old address, name and contact) in RecordVersions, which the erasure must empty as well.
        var oldAddress = p.Address;
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Patients.SingleAsync(x => x.Id == p.Id);
            tracked.Address = PrivacyArrange.UniqueName("Bulevar ") + " 3, Novi Sad";
            return await db.SaveChangesAsync();
        });
        Assert.True(await app.WithDbAsync(db => db.RecordVersions.AnyAsync(v => v.PatientId == p.Id && v.Values.Contains(oldAddress))));
        string[] identifying = [p.FamilyName, p.GivenName, p.Email, p.Phone[1..], oldAddress];
        // The search finds each of them before (so finding none after means something).
        foreach (var needle in identifying) Assert.NotEmpty(await PrivacyArrange.FindEverywhereAsync(app, needle));
        var researchBefore = await ResearchDataAsync(app, p.Id);
        var countsBefore = await OutcomeCountsAsync(app);

        var admin = await app.SignedInClientAsync(StaffRoles.Administrator);
        var url = $"/staff/patients/{p.Id}/erasure";
        var restricted = await StaffSession.SubmitFormAsync(admin, url,
            new Dictionary<string, string> { ["ReceivedOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd") }, "form[action*=Restrict]");
        Assert.Equal(HttpStatusCode.Redirect, restricted.StatusCode);

        // Restricted at once: no portal sign-in, no new invitation, queued email cancelled, marked on the list and chart.
        var signIn = await StaffSession.SubmitFormAsync(app.CreateBrowserClient(), "/portal/sign-in",
            new Dictionary<string, string> { ["Email"] = p.Email, ["Password"] = RegistryAppFactory.TestPassword });
        Assert.NotEqual("/portal", signIn.Headers.Location?.OriginalString);
        await Assert.ThrowsAsync<PortalInvitationException>(async () =>
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<PortalInvitations>()
                .InviteAsync(p.Id, PortalRole.Caregiver, "Marko", "marko-" + Guid.NewGuid().ToString("N") + "@example.org", "en", "test", default);
        });
        Assert.False(await app.WithDbAsync(db => db.OutboundEmails.AnyAsync(e => e.ToAddress == p.Email && e.SentAt == null && e.FailedAt == null)));
        Assert.Contains("restricted", await admin.GetStringAsync($"/staff/patients?q={p.FamilyName}"));
        Assert.Contains("processing restricted", await admin.GetStringAsync($"/staff/patients/{p.Id}"));
        // Nothing is pseudonymised yet: the name is still there.
        Assert.NotEmpty(await PrivacyArrange.FindEverywhereAsync(app, p.FamilyName));

        // Pseudonymising needs its own confirmation.
        var unconfirmed = await StaffSession.SubmitFormAsync(admin, url, new Dictionary<string, string>(), "form[action*=Pseudonymise]");
        Assert.Contains("Tick the box to confirm", await unconfirmed.Content.ReadAsStringAsync());
        var done = await StaffSession.SubmitFormAsync(admin, url, new Dictionary<string, string> { ["Confirmed"] = "true" }, "form[action*=Pseudonymise]");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        foreach (var needle in identifying) Assert.Empty(await PrivacyArrange.FindEverywhereAsync(app, needle));
        Assert.Equal(0, await app.WithDbAsync(db => db.InquiryDocuments.CountAsync(d => d.InquiryId == p.InquiryId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.InquiryNotes.CountAsync(d => d.InquiryId == p.InquiryId)));
        using (var scope = app.Services.CreateScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(p.Email));
        var patient = await app.WithDbAsync(db => db.Patients.AsNoTracking().SingleAsync(x => x.Id == p.Id));
        Assert.Equal((PatientErasure.Erased, patient.Pseudonym, 1965, 7, 1), (patient.FamilyName, patient.GivenName, patient.DateOfBirth.Year, patient.DateOfBirth.Month, patient.DateOfBirth.Day));

        // The research data stay.
        Assert.Equal(researchBefore, await ResearchDataAsync(app, p.Id));
        Assert.Equal(countsBefore, await OutcomeCountsAsync(app));

        // Each step is audited, and the erasure's own lines do not copy what they erase.
        var lines = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.PatientId == p.Id
            && (a.Action == PatientErasure.RestrictAction || a.Action == PatientErasure.PseudonymiseAction || a.EntityType == "ErasureRequest")).ToListAsync());
        Assert.Contains(lines, a => a.Action == PatientErasure.RestrictAction && a.UserName == RegistryAppFactory.AdminEmail);
        Assert.Contains(lines, a => a.Action == PatientErasure.PseudonymiseAction && a.UserName == RegistryAppFactory.AdminEmail);
        Assert.Contains(lines, a => a.EntityType == "ErasureRequest" && a.Action == "create");
        Assert.All(lines, a => Assert.All(identifying, needle =>
            Assert.DoesNotContain(needle, (a.Changes ?? "") + a.Detail, StringComparison.OrdinalIgnoreCase)));

        // A second pseudonymisation is refused with a message, not a 500.
        var again = await Portal.PortalTestKit.PostAsync(admin, url, url + "?handler=Pseudonymise", new Dictionary<string, string> { ["Confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already pseudonymised", await again.Content.ReadAsStringAsync());
    }

    [Theory, EveryDatabase]
    public async Task Only_administrators_handle_erasure(DatabaseProvider database)
    {
        var app = apps[database];
        var id = await Arrange.PatientWithHistoryAsync(app, PrivacyArrange.UniqueName("Guarded"));
        foreach (var role in new[] { StaffRoles.Physician, StaffRoles.Coordinator, StaffRoles.Researcher })
        {
            var client = await app.SignedInClientAsync(role);
            var response = await client.GetAsync($"/staff/patients/{id}/erasure");
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.False(await app.WithDbAsync(db => db.ErasureRequests.AnyAsync(r => r.PatientId == id)));
    }

    /// <summary>What the outcome analyses read of one patient: scores, dates, stages, courses, visits, events.</summary>
    private static Task<string> ResearchDataAsync(RegistryAppFactory app, Guid id) => app.WithDbAsync(async db =>
    {
        var assessments = await db.AlsfrsRAssessments.Where(a => a.PatientId == id).OrderBy(a => a.AssessedOn)
            .Select(a => new { a.AssessedOn, a.Total, a.Bulbar, a.Respiratory, a.KingsStage, a.MitosStage, Voided = a.VoidedAt != null }).ToListAsync();
        var courses = await db.TreatmentCourses.Where(c => c.PatientId == id).Select(c => new { c.Number, c.StartDate, c.EndDate }).ToListAsync();
        var transplantations = await db.Transplantations.Where(t => t.PatientId == id).Select(t => new { t.Date, t.CellProductLot, t.VolumeMl }).ToListAsync();
        var visits = await db.Visits.Where(v => v.PatientId == id).Select(v => new { v.Date, v.FvcPercentPredicted, v.WeightKg }).ToListAsync();
        var changes = await db.PatientReportedChanges.Where(c => c.PatientId == id).Select(c => new { c.Aspect, c.Rating }).ToListAsync();
        var events = await db.AdverseEvents.Where(e => e.PatientId == id).Select(e => new { e.Term, e.Grade, e.OnsetDate }).ToListAsync();
        var diagnosis = await db.Diagnoses.Where(d => d.PatientId == id).Select(d => new { d.OnsetDate, d.OnsetSite, d.DiagnosisDate }).ToListAsync();
        var items = await db.FollowUpItems.CountAsync(i => i.PatientId == id);
        return System.Text.Json.JsonSerializer.Serialize(new { assessments, courses, transplantations, visits, changes, events, diagnosis, items });
    });

    /// <summary>Every count of the claims audit over the whole registry: numerators and denominators of each measure.</summary>
    private static async Task<string> OutcomeCountsAsync(RegistryAppFactory app)
    {
        var scopes = new List<IServiceScope>();
        try
        {
            var snapshot = await RegistryFacts.LoadAsync(() =>
            {
                var scope = app.Services.CreateScope();
                lock (scopes) scopes.Add(scope);
                return scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            }, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
            var report = ClaimsAudit.Compute(snapshot.Patients, snapshot.DataDate);
            return string.Join("; ", new[] { $"patients {report.Patients}, treated {report.TreatedPatients}" }
                .Concat(report.Claims.SelectMany(c => c.Measures.Select(m => $"{c.Stated.Id}/{m.Name}: {m.Numerator}/{m.Denominator}"))));
        }
        finally
        {
            foreach (var scope in scopes) scope.Dispose();
        }
    }
}
