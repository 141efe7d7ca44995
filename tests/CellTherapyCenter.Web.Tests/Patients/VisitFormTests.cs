using System.Net;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Patients;

public sealed class VisitFormTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task A_visit_with_fvc_symptoms_examination_and_reported_change_round_trips_and_edits_in_place(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await _app.WithDbAsync(async db => { var p = Arrange.Patient("Visitova"); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var fields = new Dictionary<string, string>
        {
            ["Input.Date"] = "2025-04-04", ["Input.Kind"] = "FollowUp", ["Input.FvcPercentPredicted"] = "71.5", ["Input.WeightKg"] = "64",
            ["Input.Symptoms[Fasciculations]"] = "Moderate", ["Input.Symptoms[Weakness]"] = "Severe",
            ["Input.Examination[Reflexes]"] = "Improved", ["Input.Examination[Rigidity]"] = "",
            ["Input.ReportedChange[Mood]"] = "MinimallyImproved", ["Input.ReportedChange[Appetite]"] = "",
        };
        // The whole inventory taken: all 13 answered, absent unless changed.
        foreach (var symptom in AlsSymptoms.All) fields.TryAdd($"Input.Symptoms[{symptom}]", "Absent");
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/visits/new", fields)).StatusCode);

        var visit = await _app.WithDbAsync(db => db.Visits.Include(v => v.Symptoms).Include(v => v.ExaminationFindings).Include(v => v.ReportedChanges).SingleAsync(v => v.PatientId == id));
        Assert.Equal((71.5, 64.0), (visit.FvcPercentPredicted!.Value, visit.WeightKg!.Value));
        Assert.Equal(13, visit.Symptoms.Count);
        Assert.Equal(SymptomSeverity.Moderate, visit.Symptoms.Single(s => s.Symptom == AlsSymptom.Fasciculations).Severity);
        Assert.Equal(SymptomSeverity.Absent, visit.Symptoms.Single(s => s.Symptom == AlsSymptom.Depression).Severity);
        Assert.Equal(ExaminationDomain.Reflexes, Assert.Single(visit.ExaminationFindings).Domain);
        Assert.Equal(ChangeRating.MinimallyImproved, Assert.Single(visit.ReportedChanges).Rating);
        Assert.Equal(new DateOnly(2025, 4, 4), await _app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.LastVisitOn).SingleAsync()));

        // Editing: the examination finding removed is voided, not deleted; the symptom row is updated in place.
        fields["Input.Examination[Reflexes]"] = "";
        fields["Input.Symptoms[Fasciculations]"] = "Mild";
        fields["Input.ConcurrencyStamp"] = visit.ConcurrencyStamp.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/visits/{visit.Id}", fields)).StatusCode);
        var edited = await _app.WithDbAsync(db => db.Visits.Include(v => v.Symptoms).Include(v => v.ExaminationFindings).SingleAsync(v => v.Id == visit.Id));
        Assert.Equal(13, edited.Symptoms.Count);
        Assert.Equal(SymptomSeverity.Mild, edited.Symptoms.Single(s => s.Symptom == AlsSymptom.Fasciculations).Severity);
        Assert.NotNull(Assert.Single(edited.ExaminationFindings).VoidedAt);
    }

    [Theory, EveryDatabase]
    public async Task Two_editors_changing_only_symptoms_of_one_visit_are_not_both_accepted(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await _app.WithDbAsync(async db => { var p = Arrange.Patient("Racova"); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var fields = new Dictionary<string, string> { ["Input.Date"] = "2025-04-04", ["Input.Kind"] = "FollowUp" };
        foreach (var symptom in AlsSymptoms.All) fields[$"Input.Symptoms[{symptom}]"] = "Absent";
        await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/visits/new", fields);
        var visit = await _app.WithDbAsync(db => db.Visits.AsNoTracking().SingleAsync(v => v.PatientId == id));
        var url = $"/staff/patients/{id}/visits/{visit.Id}";

        // Both open the same form (same stamp); each changes one symptom and nothing on the visit row.
        var first = new Dictionary<string, string>(fields) { ["Input.ConcurrencyStamp"] = visit.ConcurrencyStamp.ToString(), ["Input.Symptoms[Weakness]"] = "Severe" };
        var second = new Dictionary<string, string>(fields) { ["Input.ConcurrencyStamp"] = visit.ConcurrencyStamp.ToString(), ["Input.Symptoms[Atrophy]"] = "Mild" };
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, url, first)).StatusCode);
        var refused = await StaffSession.SubmitFormAsync(client, url, second);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Someone else saved this record", await refused.Content.ReadAsStringAsync());
        var stored = await _app.WithDbAsync(db => db.SymptomObservations.AsNoTracking().Where(s => s.VisitId == visit.Id).ToListAsync());
        Assert.Equal(SymptomSeverity.Severe, stored.Single(s => s.Symptom == AlsSymptom.Weakness).Severity); // the first edit is kept
        Assert.Equal(SymptomSeverity.Absent, stored.Single(s => s.Symptom == AlsSymptom.Atrophy).Severity); // the stale one did not land
    }

    [Theory, EveryDatabase]
    public async Task An_impossible_fvc_is_refused_beside_the_field(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await _app.WithDbAsync(async db => { var p = Arrange.Patient("Fvcova"); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var response = await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/visits/new",
            new Dictionary<string, string> { ["Input.Date"] = "2025-04-04", ["Input.FvcPercentPredicted"] = "450" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = StaffSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("between 0 and 200", html.QuerySelector("[data-valmsg-for='Input.FvcPercentPredicted']")?.TextContent);
        Assert.Equal("450", html.QuerySelector("#Input_FvcPercentPredicted")?.GetAttribute("value"));
        Assert.False(await _app.WithDbAsync(db => db.Visits.AnyAsync(v => v.PatientId == id)));
    }
}
