using System.Net;
using System.Text.Json;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Patients;

/// <summary>A single transplantation corrected and voided on its own form, with its audit lines and its stamp.</summary>
public sealed class TransplantationFormTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    private static Dictionary<string, string> Fields(string lot, string volume) => new()
    {
        ["Transplantation.Date"] = "2025-02-04", ["Transplantation.CellProductLot"] = lot, ["Transplantation.SuspensionCount"] = "4",
        ["Transplantation.VolumeMl"] = volume, ["Transplantation.Route"] = "Subcutaneous",
    };

    /// <summary>A patient with course 1 (2025-02-03 to 02-08) and one transplantation recorded on the course page; the URLs of both.</summary>
    private async Task<(Guid Patient, Guid Course, Transplantation Transplantation, string CourseUrl, string Url)> ArrangeAsync(HttpClient client, string family)
    {
        var id = await _app.WithDbAsync(async db => { var p = Arrange.Patient(family); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });
        var created = await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/courses/new",
            new Dictionary<string, string> { ["Input.Number"] = "1", ["Input.StartDate"] = "2025-02-03", ["Input.EndDate"] = "2025-02-08" });
        var courseUrl = created.Headers.Location!.OriginalString;
        var added = await StaffSession.SubmitFormAsync(client, courseUrl, Fields("LOT-77", "6.5"), "form[action*='handler=Transplantation']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var t = await _app.WithDbAsync(db => db.Transplantations.AsNoTracking().SingleAsync(x => x.PatientId == id));
        // The course page links to the transplantation's own form.
        var coursePage = StaffSession.Parse(await client.GetStringAsync(courseUrl));
        var url = coursePage.QuerySelector($"a[href$='/transplantations/{t.Id}']")?.GetAttribute("href");
        Assert.NotNull(url);
        return (id, t.TreatmentCourseId, t, courseUrl, url);
    }

    [Theory, EveryDatabase]
    public async Task A_single_transplantation_is_corrected_then_voided_with_its_audit_lines(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var (id, courseId, t, courseUrl, url) = await ArrangeAsync(client, "Ispravka");

        // Correction: the volume was 2.5 ml, not 6.5, and the lot had a typo.
        var corrected = await StaffSession.SubmitFormAsync(client, url, new Dictionary<string, string>(Fields("LOT-78", "2.5"))
        { ["ConcurrencyStamp"] = t.ConcurrencyStamp.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(courseUrl, corrected.Headers.Location!.OriginalString);
        var banner = StaffSession.Parse(await client.GetStringAsync(courseUrl)).QuerySelector("[role=status]")?.TextContent;
        Assert.Equal("Transplantation of 2025-02-04 saved.", banner);
        // The banner is shown once, not on the next visit of the page.
        Assert.Null(StaffSession.Parse(await client.GetStringAsync(courseUrl)).QuerySelector("[role=status]"));

        // A void needs a reason.
        var noReason = await StaffSession.SubmitFormAsync(client, url, new Dictionary<string, string>(), "form[action*='handler=Void']");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Equal(FormConventions.VoidReasonRequired, StaffSession.Parse(await noReason.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='VoidReason']")?.TextContent);
        var stamp = await _app.WithDbAsync(db => db.Transplantations.Where(x => x.Id == t.Id).Select(x => x.ConcurrencyStamp).SingleAsync());
        var voided = await StaffSession.SubmitFormAsync(client, url,
            new Dictionary<string, string> { ["VoidReason"] = "Given in the next course, entered here by mistake", ["ConcurrencyStamp"] = stamp.ToString() },
            "form[action*='handler=Void']");
        Assert.Equal(HttpStatusCode.Redirect, voided.StatusCode);

        var stored = await _app.WithDbAsync(db => db.Transplantations.AsNoTracking().SingleAsync(x => x.Id == t.Id));
        Assert.Equal(("LOT-78", 2.5m), (stored.CellProductLot, stored.VolumeMl));
        Assert.Equal("Given in the next course, entered here by mistake", stored.VoidReason);
        Assert.False(await _app.WithDbAsync(db => db.TreatmentCourses.AnyAsync(c => c.Id == courseId && c.VoidedAt != null)), "the course itself stands");

        var all = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Transplantation) && a.EntityId == t.Id.ToString()).OrderBy(a => a.Id).ToListAsync());
        Assert.All(all, l => Assert.Equal(id, l.PatientId));
        Assert.Contains(all, l => l.Action == AuditActions.Read); // each opening of the form
        var lines = all.Where(l => l.Action != AuditActions.Read).ToList();
        Assert.Equal([AuditActions.Create, AuditActions.Update, AuditActions.Void], lines.Select(l => l.Action));
        Assert.Equal("LOT-77", JsonDocument.Parse(lines[0].Changes!).RootElement.GetProperty("CellProductLot").GetString());
        var update = JsonDocument.Parse(lines[1].Changes!).RootElement;
        Assert.Equal((6.5m, 2.5m), (update.GetProperty("VolumeMl").GetProperty("old").GetDecimal(), update.GetProperty("VolumeMl").GetProperty("new").GetDecimal()));
        Assert.Equal(("LOT-77", "LOT-78"), (update.GetProperty("CellProductLot").GetProperty("old").GetString(), update.GetProperty("CellProductLot").GetProperty("new").GetString()));
        Assert.False(update.TryGetProperty("Date", out _), "only what changed is in the update line");
        Assert.Equal("Given in the next course, entered here by mistake",
            JsonDocument.Parse(lines[2].Changes!).RootElement.GetProperty("VoidReason").GetProperty("new").GetString());

        // The course page shows the row as voided and says the course no longer counts as treatment.
        var page = StaffSession.Parse(await client.GetStringAsync(courseUrl));
        Assert.Contains("voided: Given in the next course", page.QuerySelector("table")?.TextContent);
        Assert.Contains("does not count as treatment", page.QuerySelector("main")?.TextContent);
        Assert.Contains("Every transplantation voided: not counted as treatment", await client.GetStringAsync($"/staff/patients/{id}?timeline=all"));
        // And a voided transplantation's form no longer saves.
        var late = await StaffSession.SubmitFormAsync(client, url, new Dictionary<string, string>(Fields("LOT-79", "3")) { ["ConcurrencyStamp"] = stored.ConcurrencyStamp.ToString() });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal("LOT-78", await _app.WithDbAsync(db => db.Transplantations.Where(x => x.Id == t.Id).Select(x => x.CellProductLot).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task A_stale_correction_or_void_is_refused_and_the_other_version_shown(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var (_, _, t, _, url) = await ArrangeAsync(client, "Zastarela");
        var loaded = t.ConcurrencyStamp.ToString();

        // Two physicians opened the same form; the first corrects the volume.
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, url,
            new Dictionary<string, string>(Fields("LOT-77", "2.5")) { ["ConcurrencyStamp"] = loaded })).StatusCode);
        // The second, from the form loaded before, corrects the lot: refused, nothing overwritten, their version shown.
        var stale = await StaffSession.SubmitFormAsync(client, url, new Dictionary<string, string>(Fields("LOT-99", "6.5")) { ["ConcurrencyStamp"] = loaded });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = StaffSession.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Equal(FormConventions.ConcurrencyConflict, html.QuerySelector("p.error[role=alert]")?.TextContent);
        Assert.Equal("LOT-77", html.QuerySelector("#Transplantation_CellProductLot")?.GetAttribute("value"));
        Assert.Equal("2.5", html.QuerySelector("#Transplantation_VolumeMl")?.GetAttribute("value")?.TrimEnd('0'));
        // A void from the stale form is refused too.
        var staleVoid = await client.PostAsync(url + "?handler=Void", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await StaffSession.AntiforgeryTokenAsync(client, url), ["ConcurrencyStamp"] = loaded, ["VoidReason"] = "duplicate",
        }));
        Assert.Equal(HttpStatusCode.OK, staleVoid.StatusCode);

        var stored = await _app.WithDbAsync(db => db.Transplantations.AsNoTracking().SingleAsync(x => x.Id == t.Id));
        Assert.Equal(("LOT-77", 2.5m, (DateTime?)null), (stored.CellProductLot, stored.VolumeMl, stored.VoidedAt));
    }

    [Theory, EveryDatabase]
    public async Task The_chart_links_each_transplantation_to_its_form_and_a_coordinator_cannot_open_it(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var (id, _, t, _, url) = await ArrangeAsync(client, "Karton");
        var chart = StaffSession.Parse(await client.GetStringAsync($"/staff/patients/{id}?timeline=all"));
        Assert.NotNull(chart.QuerySelector($"a[href='{url}']"));

        var coordinator = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        Assert.Contains("/staff/access-denied", (await coordinator.GetAsync(url)).Headers.Location?.OriginalString ?? "");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url.Replace(t.Id.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal))).StatusCode);
    }
}
