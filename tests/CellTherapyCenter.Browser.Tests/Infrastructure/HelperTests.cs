using Xunit.Sdk;

namespace CellTherapyCenter.Browser.Tests.Infrastructure;

/// <summary>The helpers catch what they are for; otherwise a passing page test would prove nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HelperTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    [Fact]
    public async Task Axe_scan_fails_on_a_critical_violation_naming_rule_impact_and_element()
    {
        await Page.SetContentAsync("""<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><img src="data:,"></main></body></html>""");

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => AxeAssert.NoSeriousViolationsAsync(Page));

        Assert.Contains("image-alt (critical)", failure.Message);
        Assert.Contains("at img", failure.Message);
    }

    [Fact]
    public async Task Page_errors_catch_uncaught_script_errors_and_console_errors()
    {
        await Page.SetContentAsync("""<script>console.error("logged"); setTimeout(() => { throw new Error("thrown"); });</script>""");
        await Page.WaitForFunctionAsync("() => new Promise(r => setTimeout(() => r(true), 50))");

        var failure = await Assert.ThrowsAnyAsync<XunitException>(Errors.AssertNoneAsync);

        Assert.Contains("console error", failure.Message);
        Assert.Contains("logged", failure.Message);
        Assert.Contains("thrown", failure.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/", "home")]
    [InlineData("http://127.0.0.1:5000/staff/login", "staff-login")]
    [InlineData("http://127.0.0.1:5000/staff/patients/42?page=2", "staff-patients-42")]
    public void Screenshot_names_come_from_the_page_path(string url, string stem) =>
        Assert.Equal(stem, Screenshots.FileStem(new Uri(url)));
}
