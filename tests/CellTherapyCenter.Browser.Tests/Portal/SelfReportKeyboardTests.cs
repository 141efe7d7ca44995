using System.Text.RegularExpressions;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;
using static Microsoft.Playwright.Assertions;

namespace CellTherapyCenter.Browser.Tests.Portal;

/// <summary>
/// A patient who uses only the keyboard (as a switch user steps through focus stops) signs in,
/// answers half of the ALSFRS-R, stops, comes back later, finishes and sends it, and finds it on
/// their trajectory. No mouse click anywhere.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SelfReportKeyboardTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    // Order of the screens: items 1-4, the feeding-tube question, items 5-12.
    private static readonly int[] Answers = [4, 3, 3, 2, 0, 2, 3, 4, 2, 1, 3, 4, 4];

    [Fact]
    public async Task A_patient_completes_a_self_report_with_the_keyboard_alone_stopping_half_way_and_resuming()
    {
        var (_, _, email) = await PortalTestKit.PatientWithAccountAsync(App);
        await SignInWithKeyboardAsync(email);

        await KeyboardNavigation.TabToAsync(Page, "main form button");
        await PressAndWaitAsync("Enter");
        Assert.Matches(QuestionUrl(), Page.Url);
        for (var step = 0; step < 6; step++) await AnswerAsync(step, Answers[step]);

        // Stop half-way: the link back home, by keyboard.
        await KeyboardNavigation.TabToAsync(Page, ".step-nav a[href='/portal']");
        await PressAndWaitAsync("Enter");
        await Expect(Page.Locator("main")).ToContainTextAsync("You have answered 6 of 13 questions.");

        // Later: a new session in a fresh browser context resumes at the seventh question.
        await NewContextAsync();
        await SignInWithKeyboardAsync(email);
        await KeyboardNavigation.TabToAsync(Page, "main form button");
        await PressAndWaitAsync("Enter");
        await Expect(Page.Locator(".progress")).ToContainTextAsync("Question 7 of 13");
        for (var step = 6; step < Answers.Length; step++) await AnswerAsync(step, Answers[step]);

        Assert.EndsWith("/review", new Uri(Page.Url).AbsolutePath);
        await KeyboardNavigation.TabToAsync(Page, "main form button", maxPresses: 40);
        await PressAndWaitAsync("Enter");
        var total = Answers.Sum() - Answers[4]; // the feeding-tube answer is not scored
        await Expect(Page.Locator("main")).ToContainTextAsync($"Your total score is {total} out of 48.");

        await KeyboardNavigation.TabToAsync(Page, "main a[href='/portal/trajectory']");
        await PressAndWaitAsync("Enter");
        await Expect(Page.Locator("main table tbody tr").First.Locator("td").First).ToHaveTextAsync(total.ToString());
        await Expect(Page.Locator("main .tp-figure [role=img]").First).ToBeVisibleAsync();
        await Errors.AssertNoneAsync();
    }

    private async Task SignInWithKeyboardAsync(string email)
    {
        await Page.GotoAsync("/portal");
        Assert.Equal("/portal/sign-in", new Uri(Page.Url).AbsolutePath);
        await KeyboardNavigation.TabToAsync(Page, "#Email");
        await Page.Keyboard.TypeAsync(email);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync(RegistryAppFactory.TestPassword);
        await PressAndWaitAsync("Enter");
        Assert.Equal("/portal", new Uri(Page.Url).AbsolutePath);
    }

    /// <summary>
    /// The first answer has focus when a question opens (no Tab needed to start); Tab moves down
    /// the answers, Enter gives the focused one and opens the next question.
    /// </summary>
    private async Task AnswerAsync(int step, int value)
    {
        await Expect(Page.Locator("input[name=step]")).ToHaveValueAsync(step.ToString());
        var target = Page.Locator($"button.answer[value='{value}']");
        var first = Page.Locator("button.answer").First;
        Assert.True(await KeyboardNavigation.HasFocusAsync(first), $"Question {step + 1} opened without focus on its first answer.");
        if (!await KeyboardNavigation.HasFocusAsync(target)) await KeyboardNavigation.TabToAsync(Page, $"button.answer[value='{value}']", maxPresses: 8);
        await PressAndWaitAsync("Enter");
    }

    private async Task PressAndWaitAsync(string key)
    {
        // Every key press here submits a form or follows a link to another address.
        var before = Page.Url;
        await Page.Keyboard.PressAsync(key);
        await Page.WaitForURLAsync(url => url != before);
        await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    [GeneratedRegex("/portal/questionnaires/[0-9a-f-]{36}$")]
    private static partial Regex QuestionUrl();
}
