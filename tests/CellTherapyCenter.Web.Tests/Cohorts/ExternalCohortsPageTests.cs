using System.Net;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Cohorts;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.ProAct;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Cohorts;

/// <summary>
/// <c>/staff/cohorts</c>: an administrator sees each external cohort and makes it public or
/// withdraws it, each change one audit line under the administrator's name; other staff are refused,
/// and a POST without the antiforgery token changes nothing.
/// </summary>
public sealed class ExternalCohortsPageTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private const string Page = "/staff/cohorts";

    /// <summary>A small imported cohort (not public, as every import starts), under a name of the test's own.</summary>
    private static async Task<Guid> ImportAsync(RegistryAppFactory app, string name)
    {
        var data = new ProActData();
        var subjects = Enumerable.Range(1, 3).Select(i => new ExternalCohortSubject { SubjectId = $"{name}-{i}", Died = i == 3 }).ToList();
        data.Subjects.AddRange(subjects);
        data.Alsfrs.AddRange(subjects.Select(s => new ExternalCohortAlsfrs { SubjectId = s.Id, Scale = AlsfrsScale.AlsfrsR, AssessedOn = ExternalCohort.Anchor, AlsfrsRTotal = 40 }));
        data.Alsfrs.Add(new ExternalCohortAlsfrs { SubjectId = subjects[0].Id, Scale = AlsfrsScale.Alsfrs, AssessedOn = ExternalCohort.Anchor.AddDays(30), AlsfrsTotal = 30 });
        var result = await app.WithDbAsync(db => ProActImport.StoreAsync(db, data, name, "PRO-ACT test download", "test", CancellationToken.None));
        return result.CohortId;
    }

    private static Task<(bool IsPublic, List<AuditEntry> Audit)> StateAsync(RegistryAppFactory app, Guid id) => app.WithDbAsync(async db =>
        (await db.ExternalCohorts.Where(c => c.Id == id).Select(c => c.IsPublic).SingleAsync(),
         await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ExternalCohort) && a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync()));

    private static string Form(Guid id, string handler) => $"main form[action*='cohortId={id}'][action*='handler={handler}']";

    [Theory, EveryDatabase]
    public async Task An_administrator_sees_each_cohort_and_makes_it_public_then_withdraws_it_each_audited(DatabaseProvider database)
    {
        var app = apps[database];
        var id = await ImportAsync(app, "Placebo arms " + database);
        var admin = await app.SignedInClientAsync(StaffRoles.Administrator);

        var page = StaffSession.Parse(await admin.GetStringAsync(Page));
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Contains("Placebo arms " + database, StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(("PRO-ACT test download", "3", "4 (3 ALSFRS-R)", "1"), (cells[1], cells[2], cells[3], cells[4]));
        Assert.Contains("by test", cells[5]);
        Assert.StartsWith("Not public", cells[6]);
        Assert.Null(row.QuerySelector(".badge.synthetic"));
        Assert.NotNull(page.QuerySelector("nav a[href='/staff/cohorts']"));

        var published = await StaffSession.SubmitFormAsync(admin, Page, new Dictionary<string, string>(), Form(id, "Publish"));
        Assert.Equal((HttpStatusCode.Redirect, Page), (published.StatusCode, published.Headers.Location?.OriginalString));
        var (isPublic, audit) = await StateAsync(app, id);
        Assert.True(isPublic);
        var line = audit.Last();
        Assert.Equal((AuditActions.Update, RegistryAppFactory.AdminEmail), (line.Action, line.UserName));
        Assert.Contains("marked public", line.Detail);
        page = StaffSession.Parse(await admin.GetStringAsync(Page));
        Assert.Contains("is public", page.QuerySelector("[role=status]")?.TextContent);
        Assert.NotNull(page.QuerySelector(Form(id, "Withdraw")));

        var withdrawn = await StaffSession.SubmitFormAsync(admin, Page, new Dictionary<string, string>(), Form(id, "Withdraw"));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        (isPublic, var after) = await StateAsync(app, id);
        Assert.False(isPublic);
        Assert.Equal(audit.Count + 1, after.Count);
        Assert.Equal(RegistryAppFactory.AdminEmail, after.Last().UserName);
        Assert.Contains("withdrawn", after.Last().Detail);
    }

    [Theory, EveryDatabase]
    public async Task Staff_who_are_not_administrators_are_refused_and_change_nothing(DatabaseProvider database)
    {
        var app = apps[database];
        var id = await ImportAsync(app, "Refused " + database);
        var (_, auditBefore) = await StateAsync(app, id);
        foreach (var role in new[] { StaffRoles.Physician, StaffRoles.Coordinator, StaffRoles.Researcher })
        {
            var client = await app.SignedInClientAsync(role);
            static bool Refused(HttpResponseMessage r) => r.StatusCode == HttpStatusCode.Forbidden
                || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/staff/access-denied", StringComparison.Ordinal));
            Assert.True(Refused(await client.GetAsync(Page)), role);
            // A valid token of their own session (from a form they may use) does not make the POST theirs to make.
            var token = await StaffSession.AntiforgeryTokenAsync(client, "/staff/account/password");
            var post = await client.PostAsync($"{Page}?cohortId={id}&handler=Publish",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.True(Refused(post), $"{role}: {(int)post.StatusCode}");
        }
        var (isPublic, auditAfter) = await StateAsync(app, id);
        Assert.Equal((false, auditBefore.Count), (isPublic, auditAfter.Count));
    }

    [Theory, EveryDatabase]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing(DatabaseProvider database)
    {
        var app = apps[database];
        var id = await ImportAsync(app, "Forged " + database);
        var admin = await app.SignedInClientAsync(StaffRoles.Administrator);
        await admin.GetStringAsync(Page); // the antiforgery cookie is there; only the form's token is missing

        var forged = await admin.PostAsync($"{Page}?cohortId={id}&handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var (isPublic, audit) = await StateAsync(app, id);
        Assert.False(isPublic);
        Assert.DoesNotContain(audit, a => a.Action == AuditActions.Update);
    }
}
