using CellTherapyCenter.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Browser.Tests.Accounts;

/// <summary>
/// Passkeys end to end in Chromium with its virtual authenticator (CDP WebAuthn domain: a CTAP2
/// platform authenticator with resident keys and user verification): add one on the account page,
/// name it, sign in with it alone, remove it. WebAuthn refuses IP addresses as the site's name, so
/// these pages are opened as localhost.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PasskeyTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    private readonly ChromiumBrowser _chromium = chromium;

    [Fact]
    public async Task A_staff_member_adds_a_passkey_names_it_signs_in_with_it_alone_and_removes_it()
    {
        var email = $"passkey-{Guid.NewGuid():N}@test.local";
        await App.EnsureUserAsync(email, StaffRoles.Physician);
        var local = new UriBuilder(App.BaseAddress) { Host = "localhost" }.Uri;
        var context = await _chromium.NewContextAsync(local);
        try
        {
            var page = await context.NewPageAsync();
            var errors = PageErrors.Watch(page);
            await VirtualAuthenticator.AddAsync(context, page);

            await page.GotoAsync("/staff/login");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(BrowserApp.TestPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/staff/patients");

            await page.GotoAsync("/staff/account");
            await AxeAssert.NoSeriousViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
            await ExpectTextAsync(page, "Passkey added as \"Passkey 1\"");
            await page.GetByLabel("New name for Passkey 1").FillAsync("Work laptop");
            await page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
            await page.GetByText("Passkey renamed \"Work laptop\".").WaitForAsync();
            await AxeAssert.NoSeriousViolationsAsync(page);
            await Screenshots.CaptureAsync(page, "staff-account-passkey");
            await page.SetViewportSizeAsync(360, 740);
            await Screenshots.TakeAsync(page, "staff-account-passkey-360");

            // Sign out, then in with the passkey alone: no email, no password.
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.GotoAsync("/staff/login");
            await AxeAssert.NoSeriousViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
            await page.WaitForURLAsync("**/staff/patients");
            Assert.Contains(email, await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).InnerTextAsync());
            var userId = (await App.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email))).Id;
            Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AccountAuditActions.PasskeyLogin && a.UserId == userId)));

            await page.GotoAsync("/staff/account");
            await page.GetByRole(AriaRole.Button, new() { Name = "Remove Work laptop" }).ClickAsync();
            await page.GetByText("No passkeys yet.").WaitForAsync();
            await errors.AssertNoneAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Waits for the text; on a timeout the failure shows what the page said instead.</summary>
    private static async Task ExpectTextAsync(IPage page, string text)
    {
        try
        {
            await page.GetByText(text).WaitForAsync(new() { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"\"{text}\" not shown; the page says: {await page.Locator("main").InnerTextAsync()}");
        }
    }

    [Fact]
    public async Task The_account_pages_pass_the_accessibility_scan()
    {
        await SignInAsync(StaffRoles.Coordinator);
        foreach (var path in new[] { "/staff/account/authenticator", "/staff/account/password", "/staff/account" })
        {
            await Page.GotoAsync(path);
            await AxeAssert.NoSeriousViolationsAsync(Page);
            await Screenshots.CaptureAsync(Page);
        }
        await NewContextAsync();
        foreach (var path in new[] { "/staff/forgot-password", "/staff/login/two-factor" })
        {
            await Page.GotoAsync(path);
            await AxeAssert.NoSeriousViolationsAsync(Page);
            await Screenshots.CaptureAsync(Page);
        }
        await Errors.AssertNoneAsync();
    }
}
