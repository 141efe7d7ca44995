using System.Net;
using System.Text.RegularExpressions;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Portal;

/// <summary>The portal end to end over HTTP, as a browser without JavaScript would use it.</summary>
public sealed partial class PortalFlowTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    // Item order of the ALSFRS-R questionnaire: 1-4, the gastrostomy question, 5-12.
    private static readonly int[] Answers = [4, 3, 3, 2, /* gastrostomy: no */ 0, 2, 3, 4, 2, 1, 3, 4, 4];
    private const int ExpectedTotal = 4 + 3 + 3 + 2 + 2 + 3 + 4 + 2 + 1 + 3 + 4 + 4;

    [Theory, EveryDatabase]
    public async Task Staff_invite_a_patient_who_sets_a_password_from_the_emailed_link(DatabaseProvider database)
    {
        _app = apps[database];
        var patientId = await _app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Invitee");
            db.Patients.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var email = $"invitee-{Guid.NewGuid():N}@example.org";
        var staff = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var invited = await StaffSession.SubmitFormAsync(staff, $"/staff/patients/{patientId}/portal", new Dictionary<string, string>
        {
            ["Input.Role"] = "Patient", ["Input.DisplayName"] = "Vera", ["Input.Email"] = email, ["Input.Language"] = "uk",
        }, "form[action*=Invite]");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var message = await _app.WithDbAsync(db => db.OutboundEmails.SingleAsync(m => m.ToAddress == email));
        Assert.Equal(PortalInvitations.EmailKind, message.Kind);
        // Written in the language staff chose: Ukrainian.
        // The body is stored encrypted (the link is a secret); the dispatcher decrypts it to send.
        var body = global::CellTherapyCenter.Web.Infrastructure.Email.OutboxPrivacy.Reveal(_app.Services, message.TextBody);
        Assert.Matches("[іїєґ]", body);
        var token = TokenIn().Match(body).Groups["token"].Value;
        Assert.NotEmpty(token);
        // Only the token's hash is stored.
        var stored = await _app.WithDbAsync(db => db.PortalAccounts.SingleAsync(a => a.Email == email));
        Assert.Equal(PortalInvitations.Hash(token), stored.InvitationTokenHash);
        Assert.DoesNotContain(token, stored.InvitationTokenHash);

        var person = _app.CreateBrowserClient();
        var mismatch = await StaffSession.SubmitFormAsync(person, $"/portal/invitation?token={token}&culture=en",
            new Dictionary<string, string> { ["Token"] = token, ["Password"] = "Portal-password-1", ["ConfirmPassword"] = "Portal-password-2" });
        Assert.Contains("The two passwords are not the same.", await mismatch.Content.ReadAsStringAsync());
        var accepted = await StaffSession.SubmitFormAsync(person, $"/portal/invitation?token={token}&culture=en",
            new Dictionary<string, string> { ["Token"] = token, ["Password"] = "Portal-password-1", ["ConfirmPassword"] = "Portal-password-1" });
        Assert.Equal("/portal", accepted.Headers.Location?.OriginalString);
        Assert.Contains("Vera", await person.GetStringAsync("/portal?culture=en"));

        // The link works once.
        var again = await _app.CreateBrowserClient().GetStringAsync($"/portal/invitation?token={token}&culture=en");
        Assert.Contains("cannot be used", again);
        // The portal sign-in does not open the staff portal, and a staff sign-in does not open the portal.
        var staffLogin = await StaffSession.SignInAsync(_app.CreateBrowserClient(), email, "Portal-password-1");
        Assert.Equal(HttpStatusCode.OK, staffLogin.StatusCode);
        var portalAsStaff = await StaffSession.SubmitFormAsync(_app.CreateBrowserClient(), "/portal/sign-in",
            new Dictionary<string, string> { ["Email"] = RegistryAppFactory.AdminEmail, ["Password"] = RegistryAppFactory.TestPassword });
        Assert.Equal(HttpStatusCode.OK, portalAsStaff.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/portal")).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task A_self_report_is_saved_as_it_goes_resumed_after_signing_in_again_and_sent_as_a_patient_rated_assessment(DatabaseProvider database)
    {
        _app = apps[database];
        var (patientId, _, email) = await PortalTestKit.PatientWithAccountAsync(_app);
        var client = await PortalTestKit.SignedInAsync(_app, email);
        var start = await PortalTestKit.PostAsync(client, "/portal", "/portal?handler=AlsfrsR");
        var url = start.Headers.Location!.OriginalString;
        for (var step = 0; step < 6; step++)
        {
            var answered = await PortalTestKit.PostAsync(client, url, $"{url}?handler=Answer",
                new Dictionary<string, string> { ["step"] = step.ToString(), ["value"] = Answers[step].ToString() });
            Assert.Equal($"{url}/{step + 1}", answered.Headers.Location?.OriginalString);
        }

        // Stop: a new session (another day, another device) resumes at the seventh question.
        var later = await PortalTestKit.SignedInAsync(_app, email);
        Assert.Contains("You have answered 6 of 13 questions.", await later.GetStringAsync("/portal"));
        var resumed = await PortalTestKit.PostAsync(later, "/portal", "/portal?handler=AlsfrsR");
        Assert.Equal(url, resumed.Headers.Location?.OriginalString);
        var seventh = StaffSession.Parse(await later.GetStringAsync(url));
        Assert.Equal("6", seventh.QuerySelector("input[name=step]")?.GetAttribute("value"));
        Assert.Equal(5, seventh.QuerySelectorAll("button.answer").Length);
        Assert.Equal($"{url}?handler=Answer", seventh.QuerySelector("main form")?.GetAttribute("action"));

        for (var step = 6; step < Answers.Length; step++)
            await PortalTestKit.PostAsync(later, url, $"{url}?handler=Answer",
                new Dictionary<string, string> { ["step"] = step.ToString(), ["value"] = Answers[step].ToString() });
        var review = await later.GetStringAsync($"{url}/review");
        Assert.Contains("Send to the clinic", review);
        Assert.Equal(0, await _app.WithDbAsync(db => db.AlsfrsRAssessments.CountAsync(a => a.PatientId == patientId)));

        var sent = await PortalTestKit.PostAsync(later, $"{url}/review", $"{url}/review");
        Assert.Equal($"{url}/sent", sent.Headers.Location?.OriginalString);
        Assert.Contains($"Your total score is {ExpectedTotal} out of 48.", await later.GetStringAsync($"{url}/sent"));
        var assessment = await _app.WithDbAsync(db => db.AlsfrsRAssessments.SingleAsync(a => a.PatientId == patientId));
        Assert.Equal((AssessmentRater.Patient, AssessmentMode.SelfAdministeredOnline, ExpectedTotal), (assessment.Rater, assessment.Mode, assessment.Total));
        Assert.Equal(Clinical.Alsfrs.CuttingFoodVersion.WithoutGastrostomy5a, assessment.Responses.CuttingFoodVersion);
        Assert.Equal(2, assessment.Responses.CuttingFood);
        // Sending twice makes no second assessment; the questionnaire is closed.
        var twice = await later.GetAsync($"{url}/review");
        Assert.Equal($"{url}/sent", twice.Headers.Location?.OriginalString);
        // The trajectory shows it with the table beside the plot.
        var trajectory = StaffSession.Parse(await later.GetStringAsync("/portal/trajectory"));
        Assert.Equal(ExpectedTotal.ToString(), trajectory.QuerySelector("tbody tr td")?.TextContent);
        Assert.Equal("you (patient)", trajectory.QuerySelector("tbody tr td:last-child")?.TextContent);
        var png = await later.GetByteArrayAsync("/portal/trajectory.png");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
    }

    [Theory, EveryDatabase]
    public async Task A_caregiver_answering_all_on_one_page_sends_a_caregiver_rated_assessment_and_a_feeding_tube_answer_asks_item_5b(DatabaseProvider database)
    {
        _app = apps[database];
        var (patientId, _, _) = await PortalTestKit.PatientWithAccountAsync(_app);
        var (_, _, caregiverEmail) = await PortalTestKit.PatientWithAccountAsync(_app, PortalRole.Caregiver, patientId);
        var client = await PortalTestKit.SignedInAsync(_app, caregiverEmail);
        await PortalTestKit.PostAsync(client, "/portal/settings", "/portal/settings",
            new Dictionary<string, string> { ["Language"] = "en", ["OneQuestionPerScreen"] = "false", ["Reminders"] = "true" });
        var url = (await PortalTestKit.PostAsync(client, "/portal", "/portal?handler=AlsfrsR")).Headers.Location!.OriginalString;
        var page = StaffSession.Parse(await client.GetStringAsync(url));
        Assert.Equal(13, page.QuerySelectorAll("main fieldset").Length);
        Assert.Contains(Item5(Clinical.Alsfrs.CuttingFoodVersion.WithoutGastrostomy5a), page.QuerySelector("#q-cuttingFood legend")?.TextContent ?? "", StringComparison.Ordinal);

        // Part of it, with the feeding tube answered yes: saved, and item 5 becomes 5b.
        var part = await PortalTestKit.PostAsync(client, url, $"{url}?handler=All",
            new Dictionary<string, string> { ["speech"] = "3", ["gastrostomy"] = "1" });
        var saved = StaffSession.Parse(await part.Content.ReadAsStringAsync());
        Assert.Contains("Saved. 11 questions still need an answer.", saved.QuerySelector("[role=status]")?.TextContent);
        Assert.Contains(Item5(Clinical.Alsfrs.CuttingFoodVersion.WithGastrostomy5b), saved.QuerySelector("#q-cuttingFood legend")?.TextContent ?? "", StringComparison.Ordinal);
        var all = new Dictionary<string, string>
        {
            ["speech"] = "3", ["salivation"] = "3", ["swallowing"] = "1", ["handwriting"] = "2", ["gastrostomy"] = "1", ["cuttingFood"] = "2",
            ["dressingHygiene"] = "2", ["turningInBed"] = "2", ["walking"] = "1", ["climbingStairs"] = "0", ["dyspnea"] = "3", ["orthopnea"] = "3",
            ["respiratoryInsufficiency"] = "4",
        };
        var done = await PortalTestKit.PostAsync(client, url, $"{url}?handler=All", all);
        Assert.Equal($"{url}/review", done.Headers.Location?.OriginalString);
        await PortalTestKit.PostAsync(client, $"{url}/review", $"{url}/review");
        var assessment = await _app.WithDbAsync(db => db.AlsfrsRAssessments.SingleAsync(a => a.PatientId == patientId));
        Assert.Equal(AssessmentRater.Caregiver, assessment.Rater);
        Assert.Equal(Clinical.Alsfrs.CuttingFoodVersion.WithGastrostomy5b, assessment.Responses.CuttingFoodVersion);
        Assert.Equal(26, assessment.Total);
    }

    [Theory, EveryDatabase]
    public async Task Changing_the_feeding_tube_answer_asks_item_5_again(DatabaseProvider database)
    {
        _app = apps[database];
        var (_, _, email) = await PortalTestKit.PatientWithAccountAsync(_app);
        var client = await PortalTestKit.SignedInAsync(_app, email);
        var url = (await PortalTestKit.PostAsync(client, "/portal", "/portal?handler=AlsfrsR")).Headers.Location!.OriginalString;
        async Task Answer(int step, int value) => await PortalTestKit.PostAsync(client, url, $"{url}?handler=Answer",
            new Dictionary<string, string> { ["step"] = step.ToString(), ["value"] = value.ToString() });
        await Answer(4, 0);
        await Answer(5, 3);
        await Answer(4, 1);
        var item5 = StaffSession.Parse(await client.GetStringAsync($"{url}/5"));
        Assert.Empty(item5.QuerySelectorAll("button.answer[aria-pressed=true]"));
        Assert.Equal(Item5(Clinical.Alsfrs.CuttingFoodVersion.WithGastrostomy5b), item5.QuerySelector("legend")?.TextContent.Trim());
    }

    [Theory, EveryDatabase]
    public async Task The_change_after_a_course_is_asked_once_the_course_is_four_weeks_old_and_becomes_a_remote_visit_of_that_course(DatabaseProvider database)
    {
        _app = apps[database];
        var (patientId, _, email) = await PortalTestKit.PatientWithAccountAsync(_app);
        var courseId = await _app.WithDbAsync(async db =>
        {
            var course = new TreatmentCourse { PatientId = patientId, StartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40) };
            db.TreatmentCourses.Add(course);
            await db.SaveChangesAsync();
            return course.Id;
        });
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(_app.Services))
        {
            var services = scope.ServiceProvider;
            var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Data.RegistryDbContext>(services);
            var course = await db.TreatmentCourses.SingleAsync(c => c.Id == courseId);
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<FollowUpSchedule>(services).SyncCourseAsync(course, isNew: false, default);
            await db.SaveChangesAsync();
        }
        var client = await PortalTestKit.SignedInAsync(_app, email);
        var home = await client.GetStringAsync("/portal");
        Assert.Contains("What changed after course 1?", home);
        // The course's 2-month visit is the next appointment, on the home page and beside the trajectory.
        Assert.Contains("Follow-up visit, 2 months after the course", home);
        Assert.Contains("Follow-up visit, 2 months after the course", await client.GetStringAsync("/portal/trajectory"));
        var url = (await PortalTestKit.PostAsync(client, "/portal", "/portal?handler=Change", new Dictionary<string, string> { ["courseId"] = courseId.ToString() }))
            .Headers.Location!.OriginalString;
        var aspects = Enum.GetValues<Clinical.Symptoms.ChangeAspect>();
        for (var step = 0; step < aspects.Length; step++)
        {
            var page = StaffSession.Parse(await client.GetStringAsync($"{url}/{step}"));
            Assert.Equal(7, page.QuerySelectorAll("button.answer").Length);
            await PortalTestKit.PostAsync(client, url, $"{url}?handler=Answer",
                new Dictionary<string, string> { ["step"] = step.ToString(), ["value"] = (step % 7 + 1).ToString() });
        }
        await PortalTestKit.PostAsync(client, $"{url}/review", $"{url}/review");
        var visit = await _app.WithDbAsync(db => db.Visits.Include(v => v.ReportedChanges).SingleAsync(v => v.PatientId == patientId));
        Assert.Equal((VisitKind.Remote, courseId), (visit.Kind, visit.TreatmentCourseId));
        Assert.Equal(aspects.Length, visit.ReportedChanges.Count);
        Assert.Equal(Clinical.Symptoms.ChangeRating.VeryMuchImproved, visit.ReportedChanges.Single(r => r.Aspect == aspects[0]).Rating);
        Assert.DoesNotContain("What changed after course 1?", await client.GetStringAsync("/portal"));
    }

    [Theory, EveryDatabase]
    public async Task Withdrawn_access_ends_the_session_at_the_next_request(DatabaseProvider database)
    {
        _app = apps[database];
        var (patientId, accountId, email) = await PortalTestKit.PatientWithAccountAsync(_app);
        var client = await PortalTestKit.SignedInAsync(_app, email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/portal")).StatusCode);
        var staff = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var revoked = await StaffSession.SubmitFormAsync(staff, $"/staff/patients/{patientId}/portal",
            new Dictionary<string, string> { ["accountId"] = accountId.ToString(), ["Reason"] = "The patient asked to close the account." }, "form[action*=Revoke]");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var after = await client.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/portal/sign-in", after.Headers.Location?.OriginalString);
        var account = await _app.WithDbAsync(db => db.PortalAccounts.SingleAsync(a => a.Id == accountId));
        Assert.True(account.IsVoided);
        var signIn = await StaffSession.SubmitFormAsync(_app.CreateBrowserClient(), "/portal/sign-in",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = RegistryAppFactory.TestPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task The_reminder_choice_in_the_portal_is_the_one_the_scheduler_reads(DatabaseProvider database)
    {
        _app = apps[database];
        var (patientId, _, email) = await PortalTestKit.PatientWithAccountAsync(_app);
        var client = await PortalTestKit.SignedInAsync(_app, email);
        await PortalTestKit.PostAsync(client, "/portal/settings", "/portal/settings",
            new Dictionary<string, string> { ["Language"] = "sr-Latn", ["OneQuestionPerScreen"] = "true", ["Reminders"] = "false" });
        var settings = await _app.WithDbAsync(db => db.PatientFollowUps.SingleAsync(f => f.PatientId == patientId));
        Assert.NotNull(settings.RemindersOptedOutAt);
        var account = await _app.WithDbAsync(db => db.PortalAccounts.SingleAsync(a => a.Email == email));
        Assert.Equal("sr-Latn", account.Language);
        Assert.Equal("sr", (await _app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == patientId))).PreferredLanguage);
        Assert.Contains("lang=\"sr-Latn\"", await client.GetStringAsync("/portal"));
    }

    /// <summary>Item 5's English question as the app words it (5a without, 5b with a feeding tube).</summary>
    private string Item5(Clinical.Alsfrs.CuttingFoodVersion version)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(_app.Services);
        var text = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Features.Portal.SelfReport.SelfReportText>(scope.ServiceProvider);
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        try { return text.Question(Clinical.Alsfrs.AlsfrsRItem.CuttingFood, version); }
        finally { System.Globalization.CultureInfo.CurrentUICulture = previous; }
    }

    [GeneratedRegex(@"token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex TokenIn();
}
