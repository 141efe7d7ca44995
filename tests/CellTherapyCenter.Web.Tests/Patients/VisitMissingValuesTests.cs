using System.Net;
using CellTherapyCenter.Clinical.DataQuality;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Patients;

/// <summary>Missing is not a value: "not assessed", missing codes, form status and soft range warnings on the visit form.</summary>
public sealed class VisitMissingValuesTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    private async Task<Guid> PatientAsync(string family) =>
        await _app.WithDbAsync(async db => { var p = Arrange.Patient(family); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });

    private async Task<Visit?> VisitOfAsync(Guid id) =>
        await _app.WithDbAsync(db => db.Visits.AsNoTracking().Include(v => v.Symptoms).SingleOrDefaultAsync(v => v.PatientId == id));

    [Theory, EveryDatabase]
    public async Task A_skipped_symptom_section_is_stored_as_not_assessed_and_the_visit_incomplete(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await PatientAsync("Skipova");
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);

        // The blank form offers "not assessed" checked for every symptom, and no status chosen.
        var form = StaffSession.Parse(await client.GetStringAsync($"/staff/patients/{id}/visits/new"));
        foreach (var symptom in AlsSymptoms.All)
            Assert.Equal(nameof(SymptomSeverity.NotAssessed), form.QuerySelector($"input[name='Input.Symptoms[{symptom}]'][checked]")?.GetAttribute("value"));

        // As a browser posts it when the section is left alone: every group at "not assessed"; one symptom answered.
        var fields = new Dictionary<string, string> { ["Input.Date"] = "2025-05-05", ["Input.Kind"] = "FollowUp", ["Input.FvcPercentPredicted"] = "80", ["Input.WeightKg"] = "70" };
        foreach (var symptom in AlsSymptoms.All) fields[$"Input.Symptoms[{symptom}]"] = nameof(SymptomSeverity.NotAssessed);
        fields["Input.Symptoms[Weakness]"] = nameof(SymptomSeverity.Mild);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/visits/new", fields)).StatusCode);

        var visit = Assert.IsType<Visit>(await VisitOfAsync(id));
        Assert.Equal(13, visit.Symptoms.Count);
        Assert.Equal(SymptomSeverity.Mild, visit.Symptoms.Single(s => s.Symptom == AlsSymptom.Weakness).Severity);
        Assert.All(visit.Symptoms.Where(s => s.Symptom != AlsSymptom.Weakness), s => Assert.Equal(SymptomSeverity.NotAssessed, s.Severity));
        Assert.Equal(FormStatus.Incomplete, visit.Status); // parts missing: incomplete by default

        // The chart does not count "not assessed" as absent, and shows the status beside the visit.
        var chart = await client.GetStringAsync($"/staff/patients/{id}");
        Assert.Contains("Symptoms: Weakness (mild) (12 not assessed)", chart);
        Assert.Contains("badge status-incomplete", chart);

        // A post that leaves the symptoms out altogether stores them as not assessed too.
        var bare = await PatientAsync("Barova");
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, $"/staff/patients/{bare}/visits/new",
            new Dictionary<string, string> { ["Input.Date"] = "2025-05-05", ["Input.Kind"] = "FollowUp" })).StatusCode);
        var bareVisit = Assert.IsType<Visit>(await VisitOfAsync(bare));
        Assert.Equal(13, bareVisit.Symptoms.Count(s => s.Severity == SymptomSeverity.NotAssessed));
        Assert.Contains("Symptom inventory: not assessed", await client.GetStringAsync($"/staff/patients/{bare}"));
    }

    [Theory, EveryDatabase]
    public async Task A_value_and_a_missing_code_together_are_refused_and_a_code_alone_is_kept(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await PatientAsync("Kodova");
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var url = $"/staff/patients/{id}/visits/new";

        var both = await StaffSession.SubmitFormAsync(client, url, new Dictionary<string, string>
        {
            ["Input.Date"] = "2025-05-05", ["Input.FvcPercentPredicted"] = "70", ["Input.FvcPercentPredictedMissing"] = nameof(MissingCode.Declined),
        });
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);
        var html = StaffSession.Parse(await both.Content.ReadAsStringAsync());
        Assert.Contains("either a value or the reason it is missing", html.QuerySelector("[data-valmsg-for='Input.FvcPercentPredictedMissing']")?.TextContent);
        Assert.Null(await VisitOfAsync(id));

        var weightBoth = await StaffSession.SubmitFormAsync(client, url, new Dictionary<string, string>
        {
            ["Input.Date"] = "2025-05-05", ["Input.WeightKg"] = "70", ["Input.WeightKgMissing"] = nameof(MissingCode.NotDone),
        });
        Assert.Contains("either a value or the reason it is missing",
            StaffSession.Parse(await weightBoth.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.WeightKgMissing']")?.TextContent);
        Assert.Null(await VisitOfAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, url, new Dictionary<string, string>
        {
            ["Input.Date"] = "2025-05-05", ["Input.FvcPercentPredictedMissing"] = nameof(MissingCode.Declined), ["Input.WeightKg"] = "70",
        })).StatusCode);
        var visit = Assert.IsType<Visit>(await VisitOfAsync(id));
        Assert.Equal((null, MissingCode.Declined), (visit.FvcPercentPredicted, visit.FvcPercentPredictedMissing));
        Assert.Contains("FVC not obtained: declined", await client.GetStringAsync($"/staff/patients/{id}"));
    }

    [Theory, EveryDatabase]
    public async Task An_unusual_value_needs_save_anyway_with_a_reason_which_is_kept_and_audited(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await PatientAsync("Rangeova");
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var url = $"/staff/patients/{id}/visits/new";
        var fields = new Dictionary<string, string> { ["Input.Date"] = "2025-05-05", ["Input.FvcPercentPredicted"] = "160", ["Input.WeightKg"] = "70" };

        // Plain save: the warning beside the field and a "save anyway" offer; nothing stored.
        var warned = await StaffSession.SubmitFormAsync(client, url, fields);
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var html = StaffSession.Parse(await warned.Content.ReadAsStringAsync());
        Assert.Contains("above the usual range", html.QuerySelector("#warning-FvcPercentPredicted")?.TextContent);
        Assert.NotNull(html.QuerySelector("button[name='Input.SaveAnyway']"));
        Assert.Null(await VisitOfAsync(id));

        // "Save anyway" without a reason: asked for the reason; nothing stored.
        fields["Input.SaveAnyway"] = "true";
        var noReason = await StaffSession.SubmitFormAsync(client, url, fields);
        Assert.Contains("Give the reason", StaffSession.Parse(await noReason.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.RangeWarningReason']")?.TextContent);
        Assert.Null(await VisitOfAsync(id));

        // With a reason: stored, the reason kept with the visit and in the audit line of its creation.
        fields["Input.RangeWarningReason"] = "Former rower, measured twice";
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, url, fields)).StatusCode);
        var visit = Assert.IsType<Visit>(await VisitOfAsync(id));
        Assert.Equal((160.0, "Former rower, measured twice"), (visit.FvcPercentPredicted!.Value, visit.RangeWarningReason));
        var created = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == visit.Id.ToString() && a.Action == AuditActions.Create));
        Assert.Contains("Former rower, measured twice", created.Changes);

        // Opened again, the stored visit shows its warning beside the field with the kept reason.
        var reopened = StaffSession.Parse(await client.GetStringAsync($"/staff/patients/{id}/visits/{visit.Id}"));
        Assert.NotNull(reopened.QuerySelector("#warning-FvcPercentPredicted"));
        Assert.Equal("Former rower, measured twice", reopened.QuerySelector("#Input_RangeWarningReason")?.GetAttribute("value"));

        // Impossible stays an error, whatever the button.
        var impossible = await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/visits/new",
            new Dictionary<string, string> { ["Input.Date"] = "2025-06-05", ["Input.WeightKg"] = "350", ["Input.SaveAnyway"] = "true", ["Input.RangeWarningReason"] = "sure" });
        Assert.Contains("between 20 and 300", StaffSession.Parse(await impossible.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.WeightKg']")?.TextContent);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Visits.CountAsync(v => v.PatientId == id)));
    }

    [Theory, EveryDatabase]
    public async Task A_visit_before_the_diagnosis_warns_and_a_complete_status_needs_every_part(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await PatientAsync("Fruhova");
        await _app.WithDbAsync(async db => { db.Diagnoses.Add(Arrange.Diagnosis(id)); return await db.SaveChangesAsync(); }); // diagnosed 2024-09-01
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var url = $"/staff/patients/{id}/visits/new";

        var early = await StaffSession.SubmitFormAsync(client, url, new Dictionary<string, string> { ["Input.Date"] = "2024-08-01", ["Input.Kind"] = "Baseline" });
        Assert.Contains("before the diagnosis (2024-09-01)", StaffSession.Parse(await early.Content.ReadAsStringAsync()).QuerySelector("#warning-Date")?.TextContent);
        Assert.Null(await VisitOfAsync(id));

        var complete = new Dictionary<string, string> { ["Input.Date"] = "2025-08-01", ["Input.Status"] = nameof(FormStatus.Complete), ["Input.FvcPercentPredicted"] = "90" };
        var refused = await StaffSession.SubmitFormAsync(client, url, complete);
        Assert.Contains("cannot be complete", StaffSession.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.Status']")?.TextContent);
        Assert.Null(await VisitOfAsync(id));

        complete["Input.WeightKgMissing"] = nameof(MissingCode.NotDone);
        foreach (var symptom in AlsSymptoms.All) complete[$"Input.Symptoms[{symptom}]"] = nameof(SymptomSeverity.Absent);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, url, complete)).StatusCode);
        Assert.Equal(FormStatus.Complete, (await VisitOfAsync(id))!.Status);
        Assert.Contains("badge status-complete", await client.GetStringAsync($"/staff/patients/{id}"));
    }

    [Theory, EveryDatabase]
    public async Task The_eligibility_screen_reads_the_latest_assessed_swallowing_not_a_later_not_assessed_one(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await Arrange.PatientWithHistoryAsync(_app, "Schluckova");
        await _app.WithDbAsync(async db =>
        {
            foreach (var (date, severity) in new[] { (new DateOnly(2025, 3, 1), SymptomSeverity.Severe), (new DateOnly(2025, 7, 1), SymptomSeverity.NotAssessed) })
            {
                var visit = new Visit { PatientId = id, Date = date, Kind = VisitKind.FollowUp };
                visit.Symptoms.Add(new SymptomObservation { VisitId = visit.Id, PatientId = id, Symptom = AlsSymptom.SpeechAndSwallowingDisorders, Severity = severity });
                db.Visits.Add(visit);
            }
            return await db.SaveChangesAsync();
        });
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var html = StaffSession.Parse(await client.GetStringAsync($"/staff/patients/{id}/eligibility"));
        var dysphagia = html.QuerySelectorAll("tr").First(r => r.QuerySelector("th")?.TextContent.StartsWith("Dysphagia", StringComparison.Ordinal) == true).TextContent;
        Assert.Contains("speech and swallowing disorder in the symptom inventory", dysphagia);
    }
}
