using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;
using static Microsoft.Playwright.Assertions;

namespace CellTherapyCenter.Browser.Tests.Accounts;

/// <summary>
/// ASVS 4.0.3 V2.1.12: the password typed can be shown before it is sent, on the staff and the portal
/// sign-in (the same script serves every password field), in the reader's language, axe-clean; the
/// field is masked again when the form is sent.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PasswordToggleTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    [Fact]
    public async Task A_portal_user_shows_the_password_they_typed_in_Ukrainian_and_signs_in_with_it_masked_again()
    {
        var (_, _, email) = await PortalTestKit.PatientWithAccountAsync(App);
        await Page.GotoAsync("/portal/sign-in?culture=uk");
        var password = Page.Locator("input[autocomplete='current-password']");
        await password.FillAsync(RegistryAppFactory.TestPassword);
        var toggle = Page.GetByRole(AriaRole.Button, new() { Name = "Показати пароль" });
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(password).ToHaveAttributeAsync("type", "password");

        await toggle.ClickAsync();
        await Expect(password).ToHaveAttributeAsync("type", "text");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(password).ToHaveValueAsync(RegistryAppFactory.TestPassword);
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Page.SetViewportSizeAsync(360, 780);
        await Screenshots.TakeAsync(Page, "portal-sign-in-password-shown-uk-360");

        await Page.Locator("input[type='email']").FillAsync(email);
        // Masked again as the form goes, so the browser never keeps it as ordinary text: a listener added after
        // the script's sees the field's type at submission, and holds this first submission back.
        await Page.EvaluateAsync("() => document.querySelector('main form input[autocomplete=current-password]').form.addEventListener('submit', e => { window.typeAtSubmit = document.querySelector('input[autocomplete=current-password]').type; e.preventDefault(); }, { once: true })");
        await Page.Locator("main form:has(input[autocomplete='current-password']) button[type='submit']").Last.ClickAsync();
        Assert.Equal("password", await Page.EvaluateAsync<string>("() => window.typeAtSubmit"));
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Page.Locator("main form:has(input[autocomplete='current-password']) button[type='submit']").Last.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");
        await Errors.AssertNoneAsync();
    }

    [Fact]
    public async Task A_staff_member_shows_and_hides_the_password_on_the_sign_in_page()
    {
        await Page.GotoAsync("/staff/login");
        var password = Page.GetByLabel("Password", new() { Exact = true });
        await password.FillAsync("violet tram under the bridge");
        var toggle = Page.GetByRole(AriaRole.Button, new() { Name = "Show password" });
        await toggle.ClickAsync();
        await Expect(password).ToHaveAttributeAsync("type", "text");
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await toggle.ClickAsync();
        await Expect(password).ToHaveAttributeAsync("type", "password");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Errors.AssertNoneAsync();
    }
}
