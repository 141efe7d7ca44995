using System.Net;
using System.Text.RegularExpressions;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Features.Portal.SelfReport;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Portal;

/// <summary>
/// A patient or caregiver sees only their own patient: every portal route, and every handler that
/// takes an id, is tried with another patient's real ids and must answer 404 (the other record is
/// not even confirmed to exist). Routes are discovered from the app, so a new portal route with an
/// id and no case here fails the test.
/// </summary>
public sealed partial class PortalAuthorizationTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    private sealed record Others(Guid Draft, Guid Sent, Guid Consent, Guid Course, DateOnly SentOn);

    /// <summary>Patient B's portal data: a half-answered and a sent questionnaire, a consent and a course.</summary>
    private async Task<Others> ArrangeOtherPatientAsync()
    {
        var (patientId, accountId, _) = await PortalTestKit.PatientWithAccountAsync(_app);
        return await _app.WithDbAsync(async db =>
        {
            var course = new TreatmentCourse { PatientId = patientId, StartDate = new DateOnly(2024, 3, 1) };
            db.TreatmentCourses.Add(course);
            var consent = new ConsentRecord { PatientId = patientId, Kind = ConsentKind.ResearchUse, Wording = "B's consent wording", GivenAt = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc) };
            db.Consents.Add(consent);
            var draft = new PortalQuestionnaire { PatientId = patientId, PortalAccountId = accountId, Kind = QuestionnaireKind.AlsfrsR, Answers = """{"speech":2}""" };
            var assessment = Arrange.Assessment(patientId, new DateOnly(2024, 6, 17), Clinical.Alsfrs.AlsfrsRResponses.FromScores(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
            assessment.Rater = AssessmentRater.Patient;
            assessment.Mode = AssessmentMode.SelfAdministeredOnline;
            db.AlsfrsRAssessments.Add(assessment);
            var sent = new PortalQuestionnaire { PatientId = patientId, PortalAccountId = accountId, Kind = QuestionnaireKind.AlsfrsR, Answers = "{}", SentAt = DateTime.UtcNow, ResultId = assessment.Id };
            db.PortalQuestionnaires.AddRange(draft, sent);
            await db.SaveChangesAsync();
            return new Others(draft.Id, sent.Id, consent.Id, course.Id, assessment.AssessedOn);
        });
    }

    private IReadOnlyList<string> PortalPatterns()
    {
        _ = _app.Server;
        return _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(p => p.StartsWith("/portal", StringComparison.Ordinal)).Distinct().ToList();
    }

    [Theory, EveryDatabase]
    public async Task Every_portal_route_refuses_another_patients_ids(DatabaseProvider database)
    {
        _app = apps[database];
        var b = await ArrangeOtherPatientAsync();
        var (patientA, _, emailA) = await PortalTestKit.PatientWithAccountAsync(_app);
        var client = await PortalTestKit.SignedInAsync(_app, emailA);

        // Each route with an id, filled with patient B's ids.
        var withIds = new Dictionary<string, string[]>
        {
            ["/portal/questionnaires/{id:guid}/{step:int?}"] = [$"/portal/questionnaires/{b.Draft}", $"/portal/questionnaires/{b.Draft}/0"],
            ["/portal/questionnaires/{id:guid}/review"] = [$"/portal/questionnaires/{b.Draft}/review"],
            ["/portal/questionnaires/{id:guid}/sent"] = [$"/portal/questionnaires/{b.Sent}/sent"],
            ["/portal/documents/{consentId:guid?}"] = [$"/portal/documents/{b.Consent}"],
        };
        var unlisted = PortalPatterns().Where(p => p.Contains('{') && !withIds.ContainsKey(p)).ToList();
        Assert.True(unlisted.Count == 0, "Portal routes with ids not tried with another patient's ids: " + string.Join(", ", unlisted));

        var failures = new List<string>();
        foreach (var url in withIds.Values.SelectMany(u => u))
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.NotFound) failures.Add($"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        // Every handler that takes an id in the request, with B's ids.
        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ("/portal?handler=Change", new() { ["courseId"] = b.Course.ToString() }),
            ($"/portal/questionnaires/{b.Draft}?handler=Answer", new() { ["step"] = "0", ["value"] = "4" }),
            ($"/portal/questionnaires/{b.Draft}?handler=All", new() { ["speech"] = "4" }),
            ($"/portal/questionnaires/{b.Draft}?handler=Layout", new() { ["oneQuestionPerScreen"] = "false" }),
            ($"/portal/questionnaires/{b.Draft}/review", new()),
        };
        foreach (var (url, fields) in posts)
        {
            using var response = await PortalTestKit.PostAsync(client, "/portal", url, fields);
            if (response.StatusCode != HttpStatusCode.NotFound) failures.Add($"POST {url}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // B's records are unchanged, and the id-free routes show A's data only.
        var draft = await _app.WithDbAsync(db => Task.FromResult(db.PortalQuestionnaires.Single(q => q.Id == b.Draft)));
        Assert.Equal("""{"speech":2}""", draft.Answers);
        Assert.Null(draft.SentAt);
        var csv = await client.GetStringAsync("/portal/documents/alsfrs-r.csv");
        Assert.DoesNotContain(b.SentOn.ToString("yyyy-MM-dd"), csv);
        var documents = await client.GetStringAsync("/portal/documents");
        Assert.DoesNotContain(b.Consent.ToString(), documents);
        var trajectory = await client.GetStringAsync("/portal/trajectory");
        Assert.DoesNotContain(b.SentOn.ToString("d", CellTherapyCenter.Web.Infrastructure.Localization.SiteLanguages.DefaultCultureInfo), trajectory);
        Assert.NotEqual(Guid.Empty, patientA);
    }

    [Theory, EveryDatabase]
    public async Task A_patients_own_ids_do_open_the_same_routes(DatabaseProvider database)
    {
        _app = apps[database];
        // The other half of the proof: the 404s above are about ownership, not broken routes.
        var (patientId, accountId, email) = await PortalTestKit.PatientWithAccountAsync(_app);
        var consentId = await _app.WithDbAsync(async db =>
        {
            var consent = new ConsentRecord { PatientId = patientId, Kind = ConsentKind.ResearchUse, Wording = "My own consent wording", GivenAt = DateTime.UtcNow };
            db.Consents.Add(consent);
            await db.SaveChangesAsync();
            return consent.Id;
        });
        var client = await PortalTestKit.SignedInAsync(_app, email);
        var start = await PortalTestKit.PostAsync(client, "/portal", "/portal?handler=AlsfrsR");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var questionnaire = start.Headers.Location!.OriginalString;
        Assert.Matches(QuestionnaireUrl(), questionnaire);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(questionnaire)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(questionnaire + "/review")).StatusCode);
        Assert.Contains("My own consent wording", await client.GetStringAsync($"/portal/documents/{consentId}"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/portal/trajectory.png")).StatusCode);
        Assert.NotEqual(Guid.Empty, accountId);
    }

    [GeneratedRegex("^/portal/questionnaires/[0-9a-f-]{36}$")]
    private static partial Regex QuestionnaireUrl();
}
