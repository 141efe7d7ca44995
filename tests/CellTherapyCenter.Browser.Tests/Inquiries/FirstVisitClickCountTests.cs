using System.Text.RegularExpressions;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Browser.Tests.Inquiries;

/// <summary>
/// Issue 14's target for clinicians' time: from the inbox to a registered patient with a first
/// visit (FVC, weight, symptoms and an ALSFRS-R) in at most 15 clicks on a desktop. Every click,
/// check and choice in a list goes through <see cref="Clicks"/>, which counts them; typing is free.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstVisitClickCountTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    public const int MaximumClicks = 15;

    /// <summary>The one way this test presses anything, so the count cannot miss a click.</summary>
    private sealed class Clicks
    {
        public int Count { get; private set; }

        public async Task ClickAsync(ILocator target) { Count++; await target.ClickAsync(); }

        public async Task CheckAsync(ILocator target) { Count++; await target.CheckAsync(); }

        public async Task SelectAsync(ILocator target, string value) { Count++; await target.SelectOptionAsync(value); }
    }

    [Fact]
    public async Task Inbox_to_a_registered_patient_with_a_first_visit_takes_at_most_15_clicks()
    {
        var reference = "CTC-R-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await App.WithDbAsync(async db =>
        {
            db.Inquiries.Add(new Inquiry
            {
                Reference = reference, SubmittedAt = DateTime.UtcNow.AddDays(-1), RequesterRole = RequesterRole.Patient,
                Name = "Milica Klikić", Email = "milica.klikic@example.org", Country = "RS", PreferredLanguage = "sr",
                ConsentWording = "I agree that the clinic processes my health data.", ConsentGivenAt = DateTime.UtcNow.AddDays(-1),
            });
            await db.SaveChangesAsync();
            return 0;
        });
        await SignInAsync(StaffRoles.Coordinator);
        var clicks = new Clicks();

        await Page.GotoAsync("/staff/inquiries");
        await clicks.ClickAsync(Page.GetByRole(AriaRole.Link, new() { Name = reference }));
        await clicks.ClickAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Register as patient" }));
        // The name, contact, country and language come from the request; the date of birth is typed.
        await Page.GetByLabel("Date of birth").FillAsync("1961-03-14");
        await clicks.SelectAsync(Page.GetByLabel("Sex", new() { Exact = true }), "Female");
        await clicks.ClickAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Register and record the first visit" }));

        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Registered: patient");
        await Page.GetByLabel("FVC, % of predicted").FillAsync("71");
        await Page.GetByLabel("Weight, kg").FillAsync("64");
        await clicks.CheckAsync(Page.Locator("input[name='Input.Symptoms[Weakness]'][value=Moderate]"));
        await clicks.CheckAsync(Page.Locator("input[name='Input.Symptoms[Fasciculations]'][value=Mild]"));
        await clicks.ClickAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Save and next: ALSFRS-R" }));

        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved: Visit.");
        await Page.GetByLabel("Quick entry").FillAsync("4433 4221 3444");
        await Assertions.Expect(Page.Locator("[data-total]")).ToHaveTextAsync("Total 38/48");
        await clicks.ClickAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Save and finish" }));

        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex("Saved: ALSFRS-R of [0-9-]+, total 38/48"));
        var stored = await App.WithDbAsync(async db =>
        {
            var patient = await db.Patients.SingleAsync(p => db.Inquiries.Any(i => i.Reference == reference && i.PatientId == p.Id));
            var visit = await db.Visits.Include(v => v.Symptoms).SingleAsync(v => v.PatientId == patient.Id);
            var assessment = await db.AlsfrsRAssessments.SingleAsync(a => a.PatientId == patient.Id);
            return (patient.FamilyName, visit.FvcPercentPredicted, visit.WeightKg, Symptoms: visit.Symptoms.Count, assessment.Total, Linked: assessment.VisitId == visit.Id, SameDay: assessment.AssessedOn == visit.Date);
        });
        Assert.Equal(("Klikić", (double?)71, (double?)64, 13, (int?)38, true, true), stored);
        Assert.True(clicks.Count <= MaximumClicks, $"Inbox to a first visit took {clicks.Count} clicks (at most {MaximumClicks}).");
        await Errors.AssertNoneAsync();
    }
}
