using System.Text.RegularExpressions;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;

namespace CellTherapyCenter.Browser.Tests.Portal;

/// <summary>
/// An Axe scan (WCAG 2.2 AA rules) of the portal states that the cross-page walk
/// (CrossPage/CrossPageTests, which scans every portal page as a patient with one questionnaire
/// sent and one answered meets it, in en, uk and sr-Latn) never reaches: a question shown one at
/// a time with an answer chosen, the review with questions still unanswered, and the settings
/// just saved. At phone and desktop width.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PortalAccessibilityTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    [Fact]
    public async Task The_portal_states_the_walk_does_not_reach_pass_the_accessibility_scan()
    {
        var (_, _, email) = await PortalTestKit.PatientWithAccountAsync(App);
        await Page.GotoAsync("/portal/sign-in");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(RegistryAppFactory.TestPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the questionnaire" }).First.ClickAsync();
        await Page.WaitForURLAsync(QuestionUrl());
        var questionnaire = new Uri(Page.Url).AbsolutePath;
        await Page.Locator("button.answer").Nth(1).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath != questionnaire); // saved, on to the next question
        await ScanAsync($"{questionnaire}/0", "with an answer chosen");
        Assert.Equal("true", await Page.Locator("button.answer").Nth(1).GetAttributeAsync("aria-pressed"));
        await ScanAsync($"{questionnaire}/review", "questions unanswered");
        await ScanAsync("/portal/settings?saved=true", "just saved");
        await Errors.AssertNoneAsync();
    }

    private async Task ScanAsync(string url, string state)
    {
        foreach (var (width, height) in new[] { (360, 740), (1280, 900) })
        {
            await Page.SetViewportSizeAsync(width, height);
            var response = await Page.GotoAsync(url);
            Assert.True(response!.Status == 200, $"{url} ({state}): {response.Status}");
            Assert.Equal(1, await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).CountAsync());
            await AxeAssert.NoSeriousViolationsAsync(Page);
            await Screenshots.TakeAsync(Page, "portal" + Regex.Replace(new Uri(Page.Url).AbsolutePath.Replace("/portal", ""), "[^a-z0-9]+", "-") + $"-{width}");
        }
    }

    [GeneratedRegex("/portal/questionnaires/[0-9a-f-]{36}$")]
    private static partial Regex QuestionUrl();
}
