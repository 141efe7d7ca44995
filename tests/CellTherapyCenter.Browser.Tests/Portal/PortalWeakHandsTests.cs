using System.Text.RegularExpressions;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Tests.Email;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace CellTherapyCenter.Browser.Tests.Portal;

/// <summary>
/// The portal for weak hands (issue 17, item 5) in Chromium: a passkey added from the home page's
/// offer signs in alone (the virtual authenticator of the CDP WebAuthn domain); larger text and
/// high contrast from settings apply on every page; the dark scheme the device asks for, axe clean;
/// on the review page "Send" comes first and has focus. Phone (360x740 at 2x) and desktop, en/uk/sr.
/// A forgotten password is reset from the emailed link, which works once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PortalWeakHandsTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    private readonly ChromiumBrowser _chromium = chromium;

    private static readonly (int Width, int Height)[] Sizes = [(360, 740), (1280, 900)];

    [Fact]
    public async Task A_passkey_offered_on_the_home_page_signs_in_alone()
    {
        var (_, accountId, email) = await PortalTestKit.PatientWithAccountAsync(App);
        // WebAuthn refuses IP addresses as the site's name: the pages are opened as localhost.
        var local = new UriBuilder(App.BaseAddress) { Host = "localhost" }.Uri;
        var context = await _chromium.NewContextAsync(local);
        try
        {
            var page = await context.NewPageAsync();
            var errors = PageErrors.Watch(page);
            await VirtualAuthenticator.AddAsync(context, page);

            await SignInWithPasswordAsync(page, email);
            await page.GetByRole(AriaRole.Link, new() { Name = "Set it up" }).ClickAsync();
            await page.WaitForURLAsync("**/portal/passkey");
            await AxeAssert.NoSeriousViolationsAsync(page);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" })).ToBeFocusedAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
            await page.GetByText("The passkey was added.").WaitForAsync(new() { Timeout = 20_000 });
            await AxeAssert.NoSeriousViolationsAsync(page);
            await Screenshots.CaptureAsync(page, "portal-passkey-added");
            // The offer is gone from the home page once the sign-in has a passkey.
            await page.GotoAsync("/portal");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Set it up" })).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.GotoAsync("/portal/sign-in");
            await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey instead" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");
            Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AccountAuditActions.PasskeyLogin
                && a.EntityType == nameof(PortalAccount) && a.EntityId == accountId.ToString())));
            await errors.AssertNoneAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>
    /// The password reset as a patient meets it: "Forgot your password?" on the sign-in page, the
    /// email (sent by the outbox's dispatcher to an SMTP sink on loopback, as the app's own is off
    /// in tests), its link opened, a new password set, a new session signed in with it, and the
    /// link refused when opened again.
    /// </summary>
    [Fact]
    public async Task A_forgotten_password_is_reset_from_the_emailed_link_which_works_once()
    {
        const string newPassword = "Jutro u planini 2026";
        var (_, accountId, email) = await PortalTestKit.PatientWithAccountAsync(App);
        await using var mail = new EmailTestKit(App);

        await Page.GotoAsync("/portal/sign-in?culture=en");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal/forgot-password");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send me the link" }).ClickAsync();
        await Expect(Page.Locator("main [role=status]")).ToContainTextAsync("the link is on its way");

        mail.Clock.Advance(TimeSpan.FromMinutes(1));
        await mail.Dispatcher().ProcessDueAsync(default);
        var message = Assert.Single(mail.Sink.Received, m => m.Recipients.Contains(email) && ResetLink().IsMatch(m.Message.TextBody ?? ""));
        var link = new Uri(ResetLink().Match(message.Message.TextBody ?? "").Value);

        await Page.GotoAsync(link.PathAndQuery);
        await Expect(Page.Locator("#Password")).ToBeFocusedAsync();
        await AxeAssert.NoSeriousViolationsAsync(Page); // the open form: the walk sees only a refused link
        await Page.Locator("#Password").FillAsync(newPassword);
        await Page.Locator("#ConfirmPassword").FillAsync(newPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save the new password" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/portal/reset-password");
        await Errors.AssertNoneAsync();

        // Another session (no cookies): the new password signs in, and the link is spent.
        await NewContextAsync();
        await SignInWithPasswordAsync(Page, email, newPassword);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AccountAuditActions.PasswordReset && a.EntityId == accountId.ToString())));
        await Page.GotoAsync(link.PathAndQuery);
        await Expect(Page.Locator("main [role=alert]")).ToContainTextAsync("This link has expired or was already used.");
        await Expect(Page.Locator("#Password")).ToHaveCountAsync(0);
        await Errors.AssertNoneAsync();
    }

    [GeneratedRegex(@"https?://\S+/portal/reset-password\?\S+")]
    private static partial Regex ResetLink();

    [Fact]
    public async Task Larger_text_high_contrast_and_the_dark_scheme_read_well_and_send_has_focus_on_the_review_page()
    {
        var (_, _, email) = await PortalTestKit.PatientWithAccountAsync(App);
        await SignInWithPasswordAsync(Page, email);

        // The review page of a questionnaire with no answer yet: "Continue" comes first and has focus.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the questionnaire" }).First.ClickAsync();
        await Page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/portal/questionnaires/[0-9a-f-]{36}$"));
        var review = new Uri(Page.Url).AbsolutePath + "/review";

        await Page.GotoAsync("/portal/settings");
        await Expect(Page.GetByLabel("Larger text")).ToBeFocusedAsync();
        await Page.GetByLabel("Larger text").CheckAsync();
        await Page.GetByLabel("High contrast").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save text and contrast" }).ClickAsync();
        await Page.WaitForURLAsync("**/portal/settings?saved=true");
        await Expect(Page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-larger.*high-contrast"));
        var larger = await Page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.body).fontSize)");
        Assert.True(larger >= 24, $"body text {larger} px with larger text");

        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await Page.EmulateMediaAsync(new() { ColorScheme = scheme });
            foreach (var culture in new[] { "en", "uk", "sr-Latn" })
            {
                foreach (var (width, height) in Sizes)
                {
                    await Page.SetViewportSizeAsync(width, height);
                    foreach (var path in new[] { "/portal", "/portal/settings", review })
                    {
                        await Page.GotoAsync($"{path}?culture={culture}");
                        // Larger text and high contrast change sizes and colours, the same CSS in every language:
                        // scanned in English (both schemes, both widths); the longer uk/sr words are what can
                        // push a page sideways, checked below in all three. The default display of every portal
                        // page is scanned in all three languages by CrossPage/CrossPageTests.
                        if (culture == "en") await AxeAssert.NoSeriousViolationsAsync(Page);
                        var sideways = await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
                        Assert.False(sideways, $"{path} in {culture} at {width} px scrolls sideways");
                    }
                    // The review page's first control has focus on load. Autofocus runs at the page's next
                    // rendering step, which on a busy machine can come after the load event: wait for it (a
                    // page that never focuses the link fails here with a timeout).
                    await Page.WaitForFunctionAsync("() => document.activeElement?.tagName === 'A'", null, new() { Timeout = 15_000 });
                }
            }
        }
        // The dark scheme: light text on a dark page.
        var colors = await Page.EvaluateAsync<string[]>("[getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]");
        Assert.Equal(["rgb(255, 255, 255)", "rgb(0, 0, 0)"], colors); // high contrast in the dark scheme: white on black
        if (Screenshots.Enabled)
        {
            await Screenshots.CaptureAsync(Page, "portal-review-dark-large");
            await Page.GotoAsync("/portal/settings?culture=uk");
            await Screenshots.CaptureAsync(Page, "portal-settings-dark-large-uk");
            await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
            await Page.GotoAsync("/portal?culture=sr-Latn");
            await Screenshots.CaptureAsync(Page, "portal-home-large-contrast-sr");
        }
        await Errors.AssertNoneAsync();
    }

    private static async Task SignInWithPasswordAsync(IPage page, string email, string password = RegistryAppFactory.TestPassword)
    {
        await page.GotoAsync("/portal/sign-in?culture=en");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");
    }
}
