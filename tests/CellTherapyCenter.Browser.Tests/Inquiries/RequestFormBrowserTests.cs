namespace CellTherapyCenter.Browser.Tests.Inquiries;

[Collection(BrowserCollection.Name)]
public sealed class RequestFormBrowserTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    private static readonly byte[] Pdf = CellTherapyCenter.Web.Tests.Uploads.TestDocuments.Pdf();

    [Fact]
    public async Task A_request_with_a_document_reaches_the_staff_inbox()
    {
        await Page.GotoAsync("/request-information");
        await Page.GetByLabel("Physician").CheckAsync();
        await Page.GetByLabel("Name (required)").FillAsync("Dr Jovana Browserova");
        await Page.GetByLabel("Email").FillAsync("jovana@example.org");
        await Page.GetByLabel("Country (required)", new() { Exact = true }).SelectOptionAsync("RS");
        await Page.GetByLabel("Weakness", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Medical documents").SetInputFilesAsync(new FilePayload { Name = "report.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Page.GetByLabel("I agree that the clinic stores").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();

        await Page.WaitForURLAsync("**/request-information/sent/*");
        var reference = await Page.Locator(".reference").InnerTextAsync();
        Assert.Matches("^RQ-[A-Z0-9]{8}$", reference);
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "request-information-sent");
        await Errors.AssertNoneAsync();

        await SignInAsync(CellTherapyCenter.Data.Identity.StaffRoles.Coordinator);
        await Page.GotoAsync("/staff/inquiries");
        await Page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        Assert.Contains("Dr Jovana Browserova", await Page.Locator("main").InnerTextAsync());
        Assert.Equal(1, await Page.GetByRole(AriaRole.Link, new() { Name = "document-1.pdf" }).CountAsync());
    }

    [Fact]
    public async Task The_form_can_be_completed_with_the_keyboard_alone()
    {
        await Page.GotoAsync("/request-information");
        await KeyboardNavigation.TabToAsync(Page, "input[name='Input.Role'][value='Patient']", maxPresses: 40);
        await Page.Keyboard.PressAsync("Space");
        await Page.Keyboard.PressAsync("Tab");
        Assert.True(await KeyboardNavigation.HasFocusAsync(Page.Locator("#Input_Name")), "Tab from the role should reach the name");
        await Page.Keyboard.TypeAsync("Petar Tastaturić");
        await Page.Keyboard.PressAsync("Tab");
        Assert.True(await KeyboardNavigation.HasFocusAsync(Page.Locator("#Input_Country")), "Tab from the name should reach the country");
        await Page.Keyboard.TypeAsync("Serbia");
        // The phone as dialled in Serbia: read in the country chosen.
        await KeyboardNavigation.TabToAsync(Page, "#Input_Phone");
        await Page.Keyboard.TypeAsync("064 765 43 21");
        // The optional ALSFRS-R: Enter opens it; in each question Tab reaches the chosen answer ("Skip") and an arrow key moves to "normal".
        await KeyboardNavigation.TabToAsync(Page, "details.alsfrs summary", maxPresses: 60);
        await Page.Keyboard.PressAsync("Enter");
        for (var item = 0; item < 12; item++)
        {
            await Page.Keyboard.PressAsync("Tab");
            await Page.Keyboard.PressAsync("ArrowDown");
        }
        Assert.Equal(12, await Page.Locator("details.alsfrs input[type=radio][value='4']:checked").CountAsync());
        await KeyboardNavigation.TabToAsync(Page, "input[name='Input.Consent'][type=checkbox]", maxPresses: 120);
        await Page.Keyboard.PressAsync("Space");
        await Page.Keyboard.PressAsync("Tab");
        Assert.True(await KeyboardNavigation.HasFocusAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Send the request" })));
        await Page.Keyboard.PressAsync("Enter");

        await Page.WaitForURLAsync("**/request-information/sent/*");
        Assert.Matches("^RQ-", await Page.Locator(".reference").InnerTextAsync());
        Assert.Contains("self-scored ALSFRS-R total is 48 of 48", await Page.Locator("main").InnerTextAsync());
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "request-information-sent-with-score");
    }

    [Fact]
    public async Task A_refused_form_keeps_what_was_typed_and_passes_the_accessibility_scan()
    {
        await Page.GotoAsync("/request-information");
        await Page.GetByLabel("Name (required)").FillAsync("Mila Provera");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        Assert.Equal("Mila Provera", await Page.GetByLabel("Name (required)").InputValueAsync());
        Assert.Contains("Say who is asking", await Page.Locator("#role-error").InnerTextAsync());
        // The message is tied to its group, so a screen reader reads it on entering the radios.
        Assert.Equal("role-error", await Page.GetByRole(AriaRole.Group, new() { Name = "Who is asking? (required)" }).GetAttributeAsync("aria-describedby"));
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "request-information-errors");
        await Errors.AssertNoneAsync();
    }
}
