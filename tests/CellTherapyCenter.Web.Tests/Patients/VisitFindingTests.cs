using System.Net;
using System.Text.Json;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Patients;

/// <summary>One finding of a visit voided on its own, with a reason, while the visit and its other findings stay.</summary>
public sealed class VisitFindingTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    /// <summary>The fields a browser posts from the visit form as it is shown: every filled input, checked radio and selected option.</summary>
    private static async Task<Dictionary<string, string>> FormAsShownAsync(HttpClient client, string url)
    {
        var form = StaffSession.Parse(await client.GetStringAsync(url)).QuerySelector("main form[method=post]")!;
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]"))
        {
            var type = input.GetAttribute("type");
            if (type == "radio" && !input.HasAttribute("checked")) continue;
            if (input.GetAttribute("name") == "__RequestVerificationToken") continue;
            fields[input.GetAttribute("name")!] = input.GetAttribute("value") ?? "";
        }
        foreach (var select in form.QuerySelectorAll("select[name]"))
            fields[select.GetAttribute("name")!] = select.QuerySelector("option[selected]")?.GetAttribute("value") ?? select.QuerySelector("option")?.GetAttribute("value") ?? "";
        return fields;
    }

    [Theory, EveryDatabase]
    public async Task A_symptom_is_voided_alone_with_its_reason_and_the_visit_form_does_not_bring_it_back(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await _app.WithDbAsync(async db => { var p = Arrange.Patient("Nalazova"); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var fields = new Dictionary<string, string>
        {
            ["Input.Date"] = "2025-04-04", ["Input.Kind"] = "FollowUp", ["Input.Symptoms[Fasciculations]"] = "Moderate", ["Input.Examination[Reflexes]"] = "Improved",
        };
        foreach (var symptom in AlsSymptoms.All) fields.TryAdd($"Input.Symptoms[{symptom}]", "Absent");
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/visits/new", fields)).StatusCode);
        var visit = await _app.WithDbAsync(db => db.Visits.AsNoTracking().Include(v => v.Symptoms).SingleAsync(v => v.PatientId == id));
        var fasciculations = visit.Symptoms.Single(s => s.Symptom == AlsSymptom.Fasciculations);
        var visitUrl = $"/staff/patients/{id}/visits/{visit.Id}";
        // A form opened before the void, to be saved after it.
        var openedBefore = await FormAsShownAsync(client, visitUrl);

        // The visit page lists the finding with a link to void it alone.
        var link = StaffSession.Parse(await client.GetStringAsync(visitUrl)).QuerySelector($"a[href$='/findings/{fasciculations.Id}']")?.GetAttribute("href");
        Assert.NotNull(link);
        var noReason = await StaffSession.SubmitFormAsync(client, link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Equal(FormConventions.VoidReasonRequired, StaffSession.Parse(await noReason.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='VoidReason']")?.TextContent);
        var voided = await StaffSession.SubmitFormAsync(client, link,
            new Dictionary<string, string> { ["VoidReason"] = "Not examined at this visit", ["ConcurrencyStamp"] = fasciculations.ConcurrencyStamp.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, voided.StatusCode);
        Assert.Equal(visitUrl, voided.Headers.Location!.OriginalString);
        Assert.Equal("Symptom \"Fasciculations\" voided.", StaffSession.Parse(await client.GetStringAsync(visitUrl)).QuerySelector("[role=status]")?.TextContent);

        var rows = await _app.WithDbAsync(db => db.SymptomObservations.AsNoTracking().Where(s => s.VisitId == visit.Id).ToListAsync());
        Assert.Equal("Not examined at this visit", rows.Single(s => s.Id == fasciculations.Id).VoidReason);
        Assert.Equal(12, rows.Count(s => s.VoidedAt == null)); // the other twelve stand
        Assert.Null(await _app.WithDbAsync(db => db.Visits.Where(v => v.Id == visit.Id).Select(v => v.VoidedAt).SingleAsync()));
        Assert.Null(await _app.WithDbAsync(db => db.ExaminationFindings.Where(f => f.VisitId == visit.Id).Select(f => f.VoidedAt).SingleAsync()));
        var line = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == fasciculations.Id.ToString() && a.Action == AuditActions.Void));
        Assert.Equal((nameof(SymptomObservation), id), (line.EntityType, line.PatientId));
        Assert.Equal("Not examined at this visit", JsonDocument.Parse(line.Changes!).RootElement.GetProperty("VoidReason").GetProperty("new").GetString());

        // A visit form opened before the void is stale: saving it cannot bring the finding back unseen.
        var stale = await StaffSession.SubmitFormAsync(client, visitUrl, openedBefore);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(FormConventions.ConcurrencyConflict, await stale.Content.ReadAsStringAsync());
        // The form as shown now has the voided symptom as not assessed, and saving it records nothing for it.
        var now = await FormAsShownAsync(client, visitUrl);
        Assert.Equal(nameof(SymptomSeverity.NotAssessed), now["Input.Symptoms[Fasciculations]"]);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, visitUrl, now)).StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.SymptomObservations.AnyAsync(s => s.VisitId == visit.Id && s.Symptom == AlsSymptom.Fasciculations && s.VoidedAt == null)));
        Assert.Equal(12, await _app.WithDbAsync(db => db.SymptomObservations.CountAsync(s => s.VisitId == visit.Id && s.VoidedAt == null)));
    }

    [Theory, EveryDatabase]
    public async Task Findings_added_when_correcting_a_stored_visit_are_stored(DatabaseProvider database)
    {
        _app = apps[database];
        var (id, visitId) = await _app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Dopuna");
            var v = new Visit { PatientId = p.Id, Date = new DateOnly(2025, 4, 4), Kind = VisitKind.FollowUp };
            db.AddRange(p, v);
            await db.SaveChangesAsync();
            return (p.Id, v.Id);
        });
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var url = $"/staff/patients/{id}/visits/{visitId}";
        var fields = await FormAsShownAsync(client, url);
        fields["Input.Symptoms[Weakness]"] = "Mild";
        fields["Input.Examination[Rigidity]"] = "Improved";
        fields["Input.ReportedChange[Mood]"] = "MuchImproved";
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, url, fields)).StatusCode);

        var visit = await _app.WithDbAsync(db => db.Visits.AsNoTracking().Include(v => v.Symptoms).Include(v => v.ExaminationFindings).Include(v => v.ReportedChanges)
            .AsSplitQuery().SingleAsync(v => v.Id == visitId));
        Assert.Equal(SymptomSeverity.Mild, Assert.Single(visit.Symptoms).Severity); // only the symptom answered is recorded
        Assert.Equal(ExaminationChange.Improved, Assert.Single(visit.ExaminationFindings).Change);
        Assert.Equal(ChangeRating.MuchImproved, Assert.Single(visit.ReportedChanges).Rating);
        Assert.Equal(3, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.PatientId == id && a.Action == AuditActions.Create
            && (a.EntityType == nameof(SymptomObservation) || a.EntityType == nameof(ExaminationFinding) || a.EntityType == nameof(PatientReportedChange)))));
    }

    [Theory, EveryDatabase]
    public async Task A_stale_void_of_a_finding_is_refused(DatabaseProvider database)
    {
        _app = apps[database];
        var (id, visitId, findingId) = await _app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Nalazstari");
            var v = new Visit { PatientId = p.Id, Date = new DateOnly(2025, 4, 4), Kind = VisitKind.FollowUp };
            var f = new ExaminationFinding { VisitId = v.Id, PatientId = p.Id, Domain = ExaminationDomain.Rigidity, Change = ExaminationChange.Worsened };
            db.AddRange(p, v, f);
            await db.SaveChangesAsync();
            return (p.Id, v.Id, f.Id);
        });
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var url = $"/staff/patients/{id}/visits/{visitId}/findings/{findingId}";
        var stamp = StaffSession.Parse(await client.GetStringAsync(url)).QuerySelector("input[name=ConcurrencyStamp]")?.GetAttribute("value");
        // Someone corrects the finding through the visit form meanwhile.
        await _app.WithDbAsync(async db => { (await db.ExaminationFindings.SingleAsync(f => f.Id == findingId)).Change = ExaminationChange.Unchanged; return await db.SaveChangesAsync(); });

        var refused = await client.PostAsync(url + "?handler=Void", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await StaffSession.AntiforgeryTokenAsync(client, url), ["ConcurrencyStamp"] = stamp!, ["VoidReason"] = "wrong visit",
        }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = StaffSession.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(FormConventions.ConcurrencyConflict, html.QuerySelector("p.error[role=alert]")?.TextContent);
        Assert.Contains("Unchanged", html.QuerySelector("dl")?.TextContent);
        Assert.Null(await _app.WithDbAsync(db => db.ExaminationFindings.Where(f => f.Id == findingId).Select(f => f.VoidedAt).SingleAsync()));
    }
}
