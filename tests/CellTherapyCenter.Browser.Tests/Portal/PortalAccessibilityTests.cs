using System.Text.RegularExpressions;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CellTherapyCenter.Browser.Tests.Portal;

/// <summary>
/// An Axe scan (WCAG 2.2 AA rules) of every portal page, in each state a patient meets it, and of
/// the main pages in Ukrainian and Serbian. The portal's page routes are read from the app, so a
/// new page that this test never opens fails it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PortalAccessibilityTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    private readonly HashSet<string> _visited = [];

    [Fact]
    public async Task Every_portal_page_passes_the_accessibility_scan()
    {
        // The invitation page, opened from a real invitation's link.
        var token = await CrossPage.SiteWalk.InvitationTokenAsync(App);
        await ScanAsync($"/portal/invitation?token={token}", "/portal/invitation");
        await ScanAsync("/portal/invitation?token=no-such-token", "/portal/invitation");
        await ScanAsync("/portal/sign-in", "/portal/sign-in");
        await ScanAsync("/portal/forgot-password", "/portal/forgot-password");
        await ScanAsync("/portal/reset-password?token=no-such-token", "/portal/reset-password"); // the open link: PortalPasswordResetTests

        var (patientId, _, email) = await PortalTestKit.PatientWithAccountAsync(App);
        await App.WithDbAsync(async db =>
        {
            db.TreatmentCourses.Add(new TreatmentCourse { PatientId = patientId, StartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60) });
            db.Consents.Add(new ConsentRecord { PatientId = patientId, Kind = ConsentKind.HealthDataProcessing, Wording = "I agree that the clinic records and processes my health data.", GivenAt = DateTime.UtcNow.AddDays(-70) });
            await db.SaveChangesAsync();
            return 0;
        });
        await Page.GotoAsync("/portal/sign-in");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(RegistryAppFactory.TestPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");
        await ScanAsync("/portal", "/portal");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the questionnaire" }).First.ClickAsync();
        await Page.WaitForURLAsync(QuestionUrl());
        var questionnaire = new Uri(Page.Url).AbsolutePath;
        await ScanAsync(questionnaire, "/portal/questionnaires/{id:guid}/{step:int?}");
        await Page.Locator("button.answer").Nth(1).ClickAsync();
        await ScanAsync($"{questionnaire}/0", "/portal/questionnaires/{id:guid}/{step:int?}"); // with an answer chosen
        await ScanAsync($"{questionnaire}/4", "/portal/questionnaires/{id:guid}/{step:int?}"); // the yes/no feeding-tube question

        // All on one page, then the review with unanswered questions, then answered and sent.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show all questions on one page" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await ScanAsync(questionnaire, "/portal/questionnaires/{id:guid}/{step:int?}");
        await ScanAsync($"{questionnaire}/review", "/portal/questionnaires/{id:guid}/review");
        await Page.GotoAsync(questionnaire);
        foreach (var group in await Page.Locator("main form fieldset").AllAsync())
            await group.Locator("input[type=radio]").Last.CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.EndsWith("/review", StringComparison.Ordinal));
        await ScanAsync($"{questionnaire}/review", "/portal/questionnaires/{id:guid}/review");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send to the clinic" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.EndsWith("/sent", StringComparison.Ordinal));
        await ScanAsync($"{questionnaire}/sent", "/portal/questionnaires/{id:guid}/sent");

        await ScanAsync("/portal/trajectory", "/portal/trajectory");
        await ScanAsync("/portal/documents", "/portal/documents/{consentId:guid?}");
        await Page.Locator("main ul a").First.ClickAsync();
        await Page.WaitForLoadStateAsync();
        await ScanAsync(new Uri(Page.Url).AbsolutePath, "/portal/documents/{consentId:guid?}");
        await ScanAsync("/portal/settings", "/portal/settings");
        await ScanAsync("/portal/settings?saved=true", "/portal/settings");
        await ScanAsync("/portal/my-data", "/portal/my-data");
        await ScanAsync("/portal/settings/sessions", "/portal/settings/sessions");
        await ScanAsync("/portal/passkey", "/portal/passkey"); // adding one: PortalWeakHandsTests // its other states: Accounts/SessionListPagesTests

        // The change after the course (the course is 60 days old), in Ukrainian and Serbian.
        foreach (var culture in new[] { "uk", "sr-Latn" })
        {
            await ScanAsync($"/portal?culture={culture}", "/portal");
            await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", culture);
            await Page.Locator("main form").Nth(1).Locator("button").ClickAsync();
            await Page.WaitForURLAsync(QuestionUrl());
            await ScanAsync(new Uri(Page.Url).PathAndQuery + $"?culture={culture}", "/portal/questionnaires/{id:guid}/{step:int?}");
            await ScanAsync($"/portal/trajectory?culture={culture}", "/portal/trajectory");
            await ScanAsync($"/portal/my-data?culture={culture}", "/portal/my-data");
            await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", culture);
            await Screenshots.CaptureAsync(Page, $"portal-my-data-{culture}");
        }

        var pages = PortalPages();
        var missed = pages.Except(_visited).ToList();
        Assert.True(missed.Count == 0, "Portal pages not scanned: " + string.Join(", ", missed));
        await Errors.AssertNoneAsync();
    }

    private async Task ScanAsync(string url, string route)
    {
        var response = await Page.GotoAsync(url);
        Assert.True(response!.Status == 200, $"{url}: {response.Status}");
        Assert.Equal(1, await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).CountAsync());
        await AxeAssert.NoSeriousViolationsAsync(Page);
        if (_visited.Add(route)) await Screenshots.CaptureAsync(Page, "portal" + route.Replace("/portal", "").Replace('/', '-').Replace("{", "").Replace("}", "").Replace(':', '-').Replace('?', '-'));
    }

    /// <summary>The portal's pages (not its files or form posts), as the app routes them.</summary>
    private IReadOnlyList<string> PortalPages() => App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null || e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
        .Where(p => p.StartsWith("/portal", StringComparison.Ordinal) && p != "/portal/sign-out")
        .Distinct().ToList();

    [GeneratedRegex("/portal/questionnaires/[0-9a-f-]{36}$")]
    private static partial Regex QuestionUrl();
}
