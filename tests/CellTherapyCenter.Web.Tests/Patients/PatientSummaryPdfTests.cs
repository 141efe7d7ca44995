using System.Net;
using CellTherapyCenter.Clinical.AdverseEvents;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Data.Vitals;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Patients;

/// <summary>
/// The PDF summary at /staff/patients/{id}/summary.pdf: served as the chart is (same roles, read
/// audited), and rendered with poppler (pdftoppm, pdftotext; test.sh installs poppler-utils) to
/// check what is on its pages.
/// </summary>
public sealed class PatientSummaryPdfTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task The_summary_is_a_pdf_download_and_its_read_is_audited(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await Arrange.PatientWithHistoryAsync(_app, "Summarova");
        var pseudonym = await _app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.Pseudonym).SingleAsync());
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);

        var before = DateOnly.FromDateTime(DateTime.UtcNow);
        var response = await client.GetAsync($"/staff/patients/{id}/summary.pdf");
        var after = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        // Named by code and day (the day the server made it: the one before or after the request).
        Assert.Contains(response.Content.Headers.ContentDisposition?.FileNameStar,
            new[] { before, after }.Select(day => $"{pseudonym}-summary-{day:yyyy-MM-dd}.pdf"));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);

        var read = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.PatientId == id && a.Action == AuditActions.Read).ToListAsync());
        Assert.Contains(read, a => a.UserName == "physician@test.local" && a.EntityType == nameof(Patient) && a.EntityId == id.ToString()
            && a.Detail == "PDF summary");

        // The chart links to it.
        Assert.Contains($"href=\"/staff/patients/{id}/summary.pdf\"", await client.GetStringAsync($"/staff/patients/{id}"));

        // An unknown patient: 404 and no audit line.
        var unknown = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/patients/{unknown}/summary.pdf")).StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.PatientId == unknown)));
    }

    [Theory, EveryDatabase]
    public async Task Only_those_who_may_open_the_chart_get_the_summary(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await Arrange.PatientWithHistoryAsync(_app, "Guardedova");
        var url = $"/staff/patients/{id}/summary.pdf";

        var anonymous = await _app.CreateBrowserClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/staff/login", anonymous.Headers.Location?.OriginalString);

        var (_, _, email) = await Portal.PortalTestKit.PatientWithAccountAsync(_app, patientId: id);
        var portal = await (await Portal.PortalTestKit.SignedInAsync(_app, email)).GetAsync(url);
        Assert.NotEqual(HttpStatusCode.OK, portal.StatusCode);
        Assert.NotEqual("application/pdf", portal.Content.Headers.ContentType?.MediaType);

        // Nothing was read by either of them.
        Assert.False(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.PatientId == id && a.Detail == "PDF summary")));

        // A researcher may open the chart, pseudonymised, and so gets the summary without the identity.
        var researcher = await _app.SignedInClientAsync(StaffRoles.Researcher);
        var pdf = await researcher.GetByteArrayAsync(url);
        var text = string.Concat(Poppler.Pages(pdf).Select(p => p.Text));
        var pseudonym = await _app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.Pseudonym).SingleAsync());
        Assert.Contains(pseudonym, text);
        Assert.Contains("1965", text);
        foreach (var secret in new[] { "Guardedova", "Vera", "1965-03-14" }) Assert.DoesNotContain(secret, text);
    }

    [Theory, EveryDatabase]
    public async Task The_pages_show_the_record_and_a_long_table_repeats_its_header(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await PatientWithLongHistoryAsync();
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var pdf = await client.GetByteArrayAsync($"/staff/patients/{id}/summary.pdf");
        var pages = Poppler.Pages(pdf);
        var text = string.Join("\n", pages.Select(p => p.Text));

        // Every page drawn, each saying which of how many it is; 40 assessments need more than one page.
        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        for (var i = 0; i < pages.Count; i++)
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i].Text);
        Assert.All(pages, p => Assert.Contains("Synthetic demo data", p.Text));

        // The name as written (Serbian Latin diacritics and Cyrillic survive the fonts), the code, the clinic.
        Assert.Contains("Олена Petrović-Шевченко", text);
        Assert.Contains("Patient summary", text);
        Assert.Contains("1965-03-14 (age ", text);
        Assert.Contains("Probable", text);
        Assert.Contains("Upper limb onset, 2024-01-10", text);

        // The latest complete total, and the newer incomplete assessment marked as such.
        Assert.Matches(@"Latest complete\s+36/48 on 2026-03-01", text);
        Assert.Matches(@"Newer incomplete\s+2026-05-01", text);
        Assert.Matches(@"2026-05-01\s+incomplete", text);

        // The assessment table goes on over the page with its header row again.
        var continued = pages.Where(p => p.Text.Contains("ALSFRS-R assessments, oldest first (continued)", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(continued);
        Assert.All(continued, p => Assert.Matches(@"Date\s+Total\s+Bulbar\s+Fine\s+Gross\s+Respiratory\s+King's\s+MiToS\s+Rated by", p.Text));

        // Courses with their transplantations; voided rows are left out.
        Assert.Contains("Course 1: started 2025-03-01, ended 2025-03-05; 1 transplantation", text);
        Assert.Contains("LOT-PRINT-1", text);
        Assert.Contains("2.5 ml", text);
        Assert.DoesNotContain("LOT-VOIDED", text);
        Assert.DoesNotContain("2025-09-17", text); // the voided course's start
        Assert.Contains("Headache", text);
        Assert.Contains("2 (moderate)", text);
        Assert.DoesNotContain("Entered in error", text);
        Assert.Contains("Gastrostomy", text);
        Assert.Contains("2026-02-15", text);

        // No page is blank: each has ink beyond its footer.
        Assert.All(pages, p => Assert.True(p.Text.Trim().Length > 80, p.Text));
    }

    private async Task<Guid> PatientWithLongHistoryAsync() => await _app.WithDbAsync(async db =>
    {
        var p = Arrange.Patient("Petrović-Шевченко", "Олена");
        p.IsSynthetic = true;
        db.Patients.Add(p);
        db.Diagnoses.Add(Arrange.Diagnosis(p.Id));
        // 40 monthly assessments, the total falling from 47 to 36 (the last complete on 2026-03-01), then an incomplete one.
        var start = new DateOnly(2022, 12, 1);
        for (var m = 0; m < 40; m++)
        {
            var loss = m * 11 / 39;
            var scores = new int[12];
            Array.Fill(scores, 4);
            for (var k = 0; k < loss + 1; k++) scores[k % 12]--;
            db.AlsfrsRAssessments.Add(Arrange.Assessment(p.Id, start.AddMonths(m), AlsfrsRResponses.FromScores(
                scores[0], scores[1], scores[2], scores[3], scores[4], scores[5], scores[6], scores[7], scores[8], scores[9], scores[10], scores[11])));
        }
        db.AlsfrsRAssessments.Add(Arrange.Assessment(p.Id, new DateOnly(2026, 5, 1), AlsfrsRResponses.AllNormal.With(AlsfrsRItem.Walking, null)));

        var course = new TreatmentCourse { PatientId = p.Id, Number = 1, StartDate = new DateOnly(2025, 3, 1), EndDate = new DateOnly(2025, 3, 5) };
        course.Transplantations.Add(new Transplantation { PatientId = p.Id, Date = new DateOnly(2025, 3, 2), CellProductLot = "LOT-PRINT-1", SuspensionCount = 4, VolumeMl = 2.5m, Route = AdministrationRoute.Subcutaneous });
        var wrong = new Transplantation { PatientId = p.Id, Date = new DateOnly(2025, 3, 3), CellProductLot = "LOT-VOIDED", SuspensionCount = 1, VolumeMl = 1m, Route = AdministrationRoute.Other };
        wrong.Void("Entered in error", "test", DateTime.UtcNow);
        course.Transplantations.Add(wrong);
        var voidedCourse = new TreatmentCourse { PatientId = p.Id, Number = 2, StartDate = new DateOnly(2025, 9, 17) };
        voidedCourse.Void("Entered in error", "test", DateTime.UtcNow);
        db.TreatmentCourses.AddRange(course, voidedCourse);

        db.AdverseEvents.Add(new Data.AdverseEvents.AdverseEvent { PatientId = p.Id, Term = "Headache", OnsetDate = new DateOnly(2025, 3, 3), Grade = CtcaeGrade.Moderate, Relatedness = Relatedness.Possible, Outcome = AdverseEventOutcome.Recovered, ResolvedDate = new DateOnly(2025, 3, 6) });
        var voidedEvent = new Data.AdverseEvents.AdverseEvent { PatientId = p.Id, Term = "Entered in error", OnsetDate = new DateOnly(2025, 4, 1), Grade = CtcaeGrade.Mild, Relatedness = Relatedness.Unrelated, Outcome = AdverseEventOutcome.Recovered };
        voidedEvent.Void("Duplicate", "test", DateTime.UtcNow);
        db.AdverseEvents.Add(voidedEvent);
        db.VitalStatuses.Add(new VitalStatus { PatientId = p.Id, GastrostomyDate = new DateOnly(2026, 2, 15), LastKnownAliveOn = new DateOnly(2026, 5, 1) });
        await db.SaveChangesAsync();
        return p.Id;
    });
}
