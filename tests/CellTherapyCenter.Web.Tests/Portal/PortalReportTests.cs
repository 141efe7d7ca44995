using System.Net;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Portal;

/// <summary>
/// The portal's PDF report in each language: the text pdftotext reads from it is in that language
/// (its own letters, so the embedded font has them), with the scores, the course and the patient's
/// name; it is a read of the patient's data in the audit, and never cached.
/// </summary>
public sealed class PortalReportTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task The_report_is_written_in_the_language_of_the_page_and_its_read_is_audited(DatabaseProvider database)
    {
        var app = apps[database];
        var (patientId, _, email) = await PortalTestKit.PatientWithAccountAsync(app);
        await app.WithDbAsync(async db =>
        {
            var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
            (patient.GivenName, patient.FamilyName) = ("Đurđa", "Шевченко");
            db.AlsfrsRAssessments.Add(Arrange.Assessment(patientId, new DateOnly(2026, 3, 3), AlsfrsRResponses.FromScores(4, 3, 3, 2, 3, 4, 4, 2, 1, 3, 4, 4)));
            db.TreatmentCourses.Add(new TreatmentCourse { PatientId = patientId, Number = 1, StartDate = new DateOnly(2026, 4, 1) });
            return await db.SaveChangesAsync();
        });
        var client = await PortalTestKit.SignedInAsync(app, email);
        Assert.Contains("href=\"/portal/report.pdf\"", await client.GetStringAsync("/portal"));

        foreach (var (culture, words) in new[]
        {
            ("en", new[] { "My ALSFRS-R report", "Hands", "Course 1, began on 1 April 2026", "3 Mar 2026" }),
            ("uk", new[] { "Мій звіт ALSFRS-R", "Руки", "1 квітня 2026", "03.03.2026" }),
            ("sr-Latn", new[] { "Moj ALSFRS-R izveštaj", "Ruke", "1. april 2026.", "3.3.2026." }),
        })
        {
            var response = await client.GetAsync($"/portal/report.pdf?culture={culture}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
            var text = string.Concat(Poppler.Pages(await response.Content.ReadAsByteArrayAsync()).Select(p => p.Text));
            foreach (var word in words.Append("Đurđa Шевченко").Append("37"))
                Assert.True(text.Contains(word, StringComparison.Ordinal), $"{culture}: \"{word}\" not in the report: {text}");
        }
        var reads = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.PatientId == patientId && a.Action == AuditActions.Read
            && a.Detail == "portal PDF report"));
        Assert.Equal(3, reads);
    }
}
