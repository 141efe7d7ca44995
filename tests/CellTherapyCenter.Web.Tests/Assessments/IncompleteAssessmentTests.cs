using System.Net;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Assessments;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Assessments;

/// <summary>
/// An ALSFRS-R with unanswered items is stored only after the user confirms it as incomplete, and
/// it never hides the latest complete score and stage; every save ends with a banner naming it.
/// </summary>
public sealed class IncompleteAssessmentTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    private static Dictionary<string, string> Fields(string date, params int?[] items)
    {
        var fields = new Dictionary<string, string> { ["Input.AssessedOn"] = date, ["Input.Rater"] = "Clinician", ["Input.Mode"] = "InPerson", [AssessmentInput.CuttingFoodVersionField] = "WithoutGastrostomy5a" };
        foreach (var (item, i) in AlsfrsRItems.All.Select((item, i) => (item, i)))
            fields[AssessmentInput.FieldName(item)] = items[i]?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return fields;
    }

    private async Task<Guid> NewPatientAsync() => await _app.WithDbAsync(async db =>
    {
        var p = Arrange.Patient("Nepotpuna");
        db.Patients.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    });

    private static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return WebUtility.HtmlDecode(await client.GetStringAsync(redirect.Headers.Location));
    }

    [Theory, EveryDatabase]
    public async Task Unanswered_items_need_the_save_as_incomplete_confirmation_which_lists_and_links_them(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await NewPatientAsync();
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var url = $"/staff/patients/{id}/assessments/new";
        var fields = Fields("2025-05-02", 4, 4, 4, 4, null, 4, 4, 4, 4, 4, null, 4);

        var first = await StaffSession.SubmitFormAsync(client, url, fields);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = StaffSession.Parse(await first.Content.ReadAsStringAsync());
        var confirmation = page.QuerySelector("#incomplete[role=alert]");
        Assert.NotNull(confirmation);
        Assert.Contains("2 items are not answered", confirmation.TextContent);
        Assert.Equal(["#item-5", "#item-11"], confirmation.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Breathing when lying down", confirmation.TextContent);
        Assert.NotNull(confirmation.QuerySelector("button[name=SaveIncomplete][value=true]"));
        // What was chosen is kept for the second post.
        Assert.Equal("4", page.QuerySelector($"input[name='{AssessmentInput.FieldName(AlsfrsRItem.Walking)}'][checked]")?.GetAttribute("value"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.AlsfrsRAssessments.CountAsync(a => a.PatientId == id)));

        fields["SaveIncomplete"] = "true";
        var chart = await FollowAsync(client, await StaffSession.SubmitFormAsync(client, url, fields));
        var stored = await _app.WithDbAsync(db => db.AlsfrsRAssessments.SingleAsync(a => a.PatientId == id));
        Assert.False(stored.IsComplete);
        Assert.Null(stored.Total);
        Assert.Null(stored.Responses.CuttingFood);
        Assert.Contains("Saved: ALSFRS-R of 2025-05-02, incomplete (2 not answered, no total).", chart);
    }

    [Theory, EveryDatabase]
    public async Task A_complete_assessment_saves_at_once_and_the_banner_names_its_total(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await NewPatientAsync();
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var chart = await FollowAsync(client, await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/assessments/new",
            Fields("2025-05-02", 3, 4, 4, 2, 3, 3, 3, 2, 1, 4, 4, 4)));
        var banner = StaffSession.Parse(chart).QuerySelector("main [role=status]");
        Assert.Equal("Saved: ALSFRS-R of 2025-05-02, total 37/48.", banner?.TextContent.Trim());
        // Shown once: the next page has no banner.
        Assert.Null(StaffSession.Parse(await client.GetStringAsync($"/staff/patients/{id}")).QuerySelector("main [role=status]"));
    }

    [Theory, EveryDatabase]
    public async Task The_quick_entry_fills_the_items_and_a_disagreement_with_a_chosen_item_is_refused(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await NewPatientAsync();
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var url = $"/staff/patients/{id}/assessments/new";
        var disagreeing = Fields("2025-05-02", 3, null, null, null, null, null, null, null, null, null, null, null);
        disagreeing["Input.QuickEntry"] = "4433 4221 3444";
        var refused = await StaffSession.SubmitFormAsync(client, url, disagreeing);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Item 1 is 3 in the list but 4 in the quick entry", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.AlsfrsRAssessments.CountAsync(a => a.PatientId == id)));

        var typed = Fields("2025-05-02", null, null, null, null, null, null, null, null, null, null, null, null);
        typed["Input.QuickEntry"] = "4433 4221 3444";
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(client, url, typed)).StatusCode);
        var stored = await _app.WithDbAsync(db => db.AlsfrsRAssessments.SingleAsync(a => a.PatientId == id));
        Assert.Equal(AlsfrsRResponses.FromScores(4, 4, 3, 3, 4, 2, 2, 1, 3, 4, 4, 4), stored.Responses);
        Assert.Equal(38, stored.Total);
    }

    [Theory, EveryDatabase]
    public async Task A_newer_incomplete_assessment_leaves_the_latest_complete_score_and_stage_and_the_chart_names_it(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await NewPatientAsync();
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var url = $"/staff/patients/{id}/assessments/new";
        // A complete 29/48: bulbar, both limbs and breathing affected.
        await FollowAsync(client, await StaffSession.SubmitFormAsync(client, url, Fields("2025-05-02", 3, 3, 2, 2, 2, 2, 3, 2, 2, 3, 3, 2)));
        var before = await _app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => new { p.LatestAlsfrsRTotal, p.CurrentKingsStage, p.CurrentMitosStage }).SingleAsync());
        Assert.Equal(29, before.LatestAlsfrsRTotal);
        Assert.NotNull(before.CurrentKingsStage);

        var incomplete = Fields("2025-06-03", 4, 4, 4, 4, 4, 4, 4, 4, 4, null, null, 4);
        incomplete["SaveIncomplete"] = "true";
        var chart = await FollowAsync(client, await StaffSession.SubmitFormAsync(client, url, incomplete));

        var after = await _app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => new { p.LatestAlsfrsRTotal, p.CurrentKingsStage, p.CurrentMitosStage }).SingleAsync());
        Assert.Equal(before, after);
        var facts = StaffSession.Parse(chart).QuerySelector("dl.facts")!.QuerySelectorAll("dt")
            .ToDictionary(dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim());
        Assert.Equal(after.CurrentKingsStage!.Value.Code(), facts["King's stage"]);
        Assert.Equal("29; a newer incomplete assessment of 2025-06-03 has 2 items missing and is not counted", facts["Latest ALSFRS-R"]);
    }

    [Theory, EveryDatabase]
    public async Task Save_and_next_goes_from_the_visit_to_its_ALSFRS_R_dated_and_linked_to_it(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await NewPatientAsync();
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var fields = new Dictionary<string, string>
        {
            ["Input.Date"] = "2025-04-04", ["Input.Kind"] = "FollowUp", ["Input.FvcPercentPredicted"] = "71", ["Input.WeightKg"] = "64", ["next"] = "alsfrs-r",
        };
        var response = await StaffSession.SubmitFormAsync(client, $"/staff/patients/{id}/visits/new", fields);
        var form = StaffSession.Parse(await FollowAsync(client, response));
        var visitId = await _app.WithDbAsync(db => db.Visits.Where(v => v.PatientId == id).Select(v => v.Id).SingleAsync());
        Assert.Equal($"/staff/patients/{id}/assessments/new?visitId={visitId}", response.Headers.Location?.OriginalString);
        Assert.Equal("Saved: Visit.", form.QuerySelector("main [role=status]")?.TextContent.Trim());
        Assert.Equal("2025-04-04", form.QuerySelector("input[name='Input.AssessedOn']")?.GetAttribute("value"));
        Assert.Equal(visitId.ToString(), form.QuerySelector("input[name='Input.VisitId']")?.GetAttribute("value"));
    }
}
