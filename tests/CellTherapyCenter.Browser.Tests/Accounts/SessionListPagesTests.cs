using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace CellTherapyCenter.Browser.Tests.Accounts;

/// <summary>
/// The lists of one's own sessions in the browser, staff and portal: reached from the account and
/// settings pages, a session on another device signed out after the password, each state axe-clean
/// (WCAG 2.2 AA rules), with screenshots at 360 px and desktop, the portal's in en, uk and sr.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionListPagesTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    /// <summary>Axe and a screenshot at desktop width, and at 360 px too unless <paramref name="phone"/> is false
    /// (the steps after the list: the same layout, so the phone pass is spent on the list in each language).</summary>
    private async Task ScanAsync(string name, bool phone = true)
    {
        Assert.Equal(1, await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).CountAsync());
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, name);
        if (!phone) return;
        await Page.SetViewportSizeAsync(360, 780);
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.TakeAsync(Page, $"{name}-360");
        await Page.SetViewportSizeAsync(Screenshots.Desktop.Width, Screenshots.Desktop.Height);
    }

    /// <summary>A session of the user on another device, as a sign-in there would have made it.</summary>
    private Task<Guid> OtherDeviceAsync(string email, string browser, string platform) => App.WithDbAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var session = new SignInSession
        {
            Id = Guid.NewGuid(), UserId = userId, CreatedAt = DateTime.UtcNow.AddMinutes(-20), LastSeenAt = DateTime.UtcNow.AddMinutes(-2),
            Browser = browser, Platform = platform,
        };
        db.Set<SignInSession>().Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    });

    [Fact]
    public async Task A_staff_member_signs_out_a_session_on_another_device_and_each_step_passes_the_accessibility_scan()
    {
        const string email = "sessions-browser@test.local";
        await App.EnsureUserAsync(email, StaffRoles.Coordinator);
        await Page.GotoAsync("/staff/login");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(BrowserApp.TestPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/staff/login");
        await OtherDeviceAsync(email, "Firefox", "Linux");

        await Page.GotoAsync("/staff/account");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Signed-in sessions" }).ClickAsync();
        await Page.WaitForURLAsync("**/staff/account/sessions");
        await Expect(Page.Locator("main .badge")).ToHaveTextAsync("This device");
        await ScanAsync("staff-sessions");

        // Each row's link names its session for screen readers (the device in visually hidden text; Chromium puts
        // a space before the hidden part because it is positioned out of flow, which no reader voices).
        var signOut = Page.Locator("main a.button", new() { HasText = "Sign out this session" });
        await Expect(signOut).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex("^Sign out this session ?: Firefox on Linux, signed in "));
        await signOut.ClickAsync();
        await Page.WaitForURLAsync("**/staff/account/sessions?end=*");
        await ScanAsync("staff-sessions-confirm");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out this session" }).ClickAsync();
        await Page.WaitForSelectorAsync("text=Type your password: signing out a session needs it.");
        await ScanAsync("staff-sessions-no-password", phone: false);

        await Page.GetByLabel("Your password").FillAsync(BrowserApp.TestPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out this session" }).ClickAsync();
        await Page.WaitForSelectorAsync("text=One session was signed out.");
        await Expect(Page.Locator("main")).Not.ToContainTextAsync("Firefox on Linux");
        await ScanAsync("staff-sessions-ended", phone: false);
        await Errors.AssertNoneAsync();
    }

    [Fact]
    public async Task A_portal_user_signs_out_a_session_on_another_device_in_each_language_and_each_step_passes_the_accessibility_scan()
    {
        var (_, _, email) = await PortalTestKit.PatientWithAccountAsync(App);
        await Page.GotoAsync("/portal/sign-in");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(RegistryAppFactory.TestPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");
        await OtherDeviceAsync(email, "Safari", "iOS");

        await Page.GotoAsync("/portal/settings");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Where you are signed in" }).ClickAsync();
        await Page.WaitForURLAsync("**/portal/settings/sessions");
        await ScanAsync("portal-sessions-en");
        foreach (var culture in new[] { "uk", "sr-Latn" })
        {
            await Page.GotoAsync($"/portal/settings/sessions?culture={culture}");
            await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", culture);
            await ScanAsync($"portal-sessions-{culture}");
        }

        await Page.GotoAsync("/portal/settings/sessions?culture=en");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign out all other sessions" }).ClickAsync();
        await Page.WaitForURLAsync("**/portal/settings/sessions?end=others");
        await ScanAsync("portal-sessions-confirm");
        await Page.GetByLabel("Your password").FillAsync("Not-the-password-1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out all other sessions" }).ClickAsync();
        await Page.WaitForSelectorAsync("text=That password is not right. Nothing was signed out.");
        await ScanAsync("portal-sessions-wrong-password", phone: false);

        await Page.GetByLabel("Your password").FillAsync(RegistryAppFactory.TestPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out all other sessions" }).ClickAsync();
        await Page.WaitForSelectorAsync("text=Done: the sessions you chose are signed out.");
        await Expect(Page.Locator("main")).Not.ToContainTextAsync("Safari on iOS");
        await ScanAsync("portal-sessions-ended", phone: false);
        await Errors.AssertNoneAsync();
    }
}
