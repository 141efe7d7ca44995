namespace CellTherapyCenter.Browser.Tests.Errors;

/// <summary>The 404 page of an unknown public address in each language: its status, its heading, and the accessibility scan.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ErrorPageBrowserTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    [Theory]
    [InlineData("en", "Page not found")]
    [InlineData("uk", "Сторінку не знайдено")]
    [InlineData("sr-Latn", "Stranica nije pronađena")]
    public async Task An_unknown_public_address_shows_the_404_page_in_the_chosen_language_and_passes_the_scan(string culture, string heading)
    {
        var response = await Page.GotoAsync($"/no-such-page?culture={culture}");
        Assert.Equal(404, response!.Status);
        Assert.Equal("/no-such-page", new Uri(Page.Url).AbsolutePath); // not sent to the staff sign-in
        Assert.Equal(culture, await Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(heading, (await Page.Locator("main h1").TextContentAsync())?.Trim());
        // The language switcher on the page returns to the address that failed, not to the error page.
        Assert.Equal("/no-such-page", await Page.Locator("header .language-switcher input[name=returnUrl]").GetAttributeAsync("value"));
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, $"error-404-{culture}");
        // The page's own 404 is the one console error Chromium reports here; nothing else may fail.
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.All(Errors.All, e => Assert.Contains("404", e));
    }
}
