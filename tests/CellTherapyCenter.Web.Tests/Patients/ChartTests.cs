using System.Net;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Patients;

public sealed class ChartTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task The_chart_shows_the_record_and_its_read_is_audited(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await Arrange.PatientWithHistoryAsync(_app, "Chartova");
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var response = await client.GetAsync($"/staff/patients/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Chartova, Vera", html);
        Assert.Contains("ALSFRS-R 40/48", html);
        Assert.Contains("381641234567", html); // Razor encodes the "+"

        var read = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.PatientId == id && a.Action == AuditActions.Read).ToListAsync());
        Assert.Contains(read, a => a.UserName == "physician@test.local" && a.EntityType == nameof(Patient) && a.EntityId == id.ToString()
            && a.Detail == "chart" && a.At > DateTime.UtcNow.AddMinutes(-5));

        // A chart that does not exist is not found, and no read is recorded for it.
        var unknown = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/patients/{unknown}")).StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.PatientId == unknown)));
    }

    [Theory, EveryDatabase]
    public async Task A_researcher_sees_the_pseudonym_and_no_identity(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await Arrange.PatientWithHistoryAsync(_app, "Hiddenova");
        var pseudonym = await _app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.Pseudonym).SingleAsync());
        var client = await _app.SignedInClientAsync(StaffRoles.Researcher);

        var chart = await (await client.GetAsync($"/staff/patients/{id}")).Content.ReadAsStringAsync();
        Assert.Contains(pseudonym, chart);
        Assert.Contains("1965", chart);
        foreach (var secret in new[] { "Hiddenova", "Vera", "vera.testova@example.invalid", "381641234567", "1965-03-14" })
            Assert.DoesNotContain(secret, chart);

        var list = await (await client.GetAsync($"/staff/patients?q={pseudonym}")).Content.ReadAsStringAsync();
        Assert.Contains(pseudonym, list);
        Assert.DoesNotContain("Hiddenova", list);
        // Searching by name does not work for a researcher: it would reveal who is in the registry.
        Assert.DoesNotContain(pseudonym, await (await client.GetAsync("/staff/patients?q=Hiddenova")).Content.ReadAsStringAsync());
    }

    [Theory, EveryDatabase]
    public async Task The_trajectory_is_a_png_and_is_audited(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await Arrange.PatientWithHistoryAsync(_app, "Plotova");
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var response = await client.GetAsync($"/staff/patients/{id}/trajectory.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.PatientId == id && a.Detail == "trajectory plot")));
        // It decodes at its size, and a patient with nothing recorded still gets a picture (empty frames and a sentence).
        var size = (TrajectoryPlot.Width * TrajectoryPlot.Scale, TrajectoryPlot.Height * TrajectoryPlot.Scale);
        using (var bitmap = SkiaSharp.SKBitmap.Decode(bytes)) Assert.Equal(size, (bitmap.Width, bitmap.Height));
        var nothing = await _app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Emptyova");
            db.Patients.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var empty = await client.GetByteArrayAsync($"/staff/patients/{nothing}/trajectory.png");
        using (var bitmap = SkiaSharp.SKBitmap.Decode(empty)) Assert.Equal(size, (bitmap.Width, bitmap.Height));
    }

    [Theory, EveryDatabase]
    public async Task Visits_show_their_own_symptoms_and_reported_changes(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await Arrange.PatientWithHistoryAsync(_app, "Visitova");
        await _app.WithDbAsync(async db =>
        {
            var early = new Visit { PatientId = id, Date = new DateOnly(2025, 2, 1), Kind = VisitKind.Baseline, FvcPercentPredicted = 91 };
            early.Symptoms.Add(new SymptomObservation { PatientId = id, Symptom = AlsSymptom.MuscleCramps, Severity = SymptomSeverity.Mild });
            var late = new Visit { PatientId = id, Date = new DateOnly(2025, 8, 1), Kind = VisitKind.FollowUp, FvcPercentPredicted = 77 };
            late.Symptoms.Add(new SymptomObservation { PatientId = id, Symptom = AlsSymptom.FootDrop, Severity = SymptomSeverity.Severe });
            late.ReportedChanges.Add(new PatientReportedChange { PatientId = id, Aspect = ChangeAspect.SpeechAndSwallowing, Rating = ChangeRating.MuchImproved });
            db.Visits.AddRange(early, late);
            return await db.SaveChangesAsync();
        });
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var html = await (await client.GetAsync($"/staff/patients/{id}")).Content.ReadAsStringAsync();

        // Each visit's child rows are attached to that visit, not to the other one.
        var early = html[html.IndexOf("FVC 91% predicted", StringComparison.Ordinal)..];
        var late = html[html.IndexOf("FVC 77% predicted", StringComparison.Ordinal)..html.IndexOf("FVC 91% predicted", StringComparison.Ordinal)];
        Assert.Contains("Muscle spasms (cramps) (mild)", early);
        Assert.DoesNotContain("Foot drop", early);
        Assert.Contains("Foot drop (severe)", late);
        Assert.Contains("much improved", late);
        Assert.DoesNotContain("cramps", late);
    }

    [Theory, EveryDatabase]
    public async Task A_long_timeline_opens_with_the_most_recent_entries_and_shows_all_on_request(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await Arrange.PatientWithHistoryAsync(_app, "Longova");
        await _app.WithDbAsync(async db =>
        {
            for (var month = 1; month <= 24; month++)
                db.AlsfrsRAssessments.Add(Arrange.Assessment(id, new DateOnly(2023, 1, 1).AddMonths(month),
                    Clinical.Alsfrs.AlsfrsRResponses.FromScores(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)));
            return await db.SaveChangesAsync();
        });
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);

        var recent = await (await client.GetAsync($"/staff/patients/{id}")).Content.ReadAsStringAsync();
        Assert.Contains($"The {ChartModel.RecentTimelineEntries} most recent of 26 entries", recent);
        Assert.Contains("<time datetime=\"2025-06-10\">", recent);
        Assert.DoesNotContain("<time datetime=\"2023-02-01\">", recent);
        // The assessment table beside the plot always lists every assessment.
        Assert.Contains("role=\"rowheader\">2023-02-01</th>", recent);

        var all = await (await client.GetAsync($"/staff/patients/{id}?timeline=all")).Content.ReadAsStringAsync();
        Assert.Contains("All 26 entries", all);
        Assert.Contains("<time datetime=\"2023-02-01\">", all);
    }

    [Theory, EveryDatabase]
    public async Task An_unknown_patient_is_404(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/patients/{Guid.NewGuid()}")).StatusCode);
    }
}
