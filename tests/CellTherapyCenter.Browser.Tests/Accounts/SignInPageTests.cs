namespace CellTherapyCenter.Browser.Tests.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class SignInPageTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    [Fact]
    public async Task Sign_in_page_loads_without_errors_and_passes_the_accessibility_scan()
    {
        var response = await Page.GotoAsync("/staff/login");

        Assert.Equal(200, response!.Status);
        Assert.Equal("Staff sign-in", await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page);
        await Errors.AssertNoneAsync();
    }

    [Fact]
    public async Task Administrator_signs_in_with_the_keyboard_alone()
    {
        await Page.GotoAsync("/staff/login");

        await KeyboardNavigation.TabToAsync(Page, "#Email");
        await Page.Keyboard.TypeAsync(BrowserApp.AdminEmail);
        await Page.Keyboard.PressAsync("Tab");
        Assert.True(await KeyboardNavigation.HasFocusAsync(Page.Locator("#Password")), "Tab from Email should reach Password");
        await Page.Keyboard.TypeAsync(BrowserApp.TestPassword);
        await Page.Keyboard.PressAsync("Enter");

        // The staff home sends staff on to the patient list.
        await Page.WaitForURLAsync("**/staff/patients");
        Assert.Equal("Patients", await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Contains(BrowserApp.AdminEmail, await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).InnerTextAsync());
        await Errors.AssertNoneAsync();
    }
}
