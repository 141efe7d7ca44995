namespace CellTherapyCenter.Browser.Tests.Patients;

[Collection(DemoBrowserCollection.Name)]
public sealed class PatientListPageTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    [Fact]
    public async Task Patient_list_with_the_demo_cohort_passes_the_accessibility_scan()
    {
        await SignInAsync();
        await Page.GotoAsync("/staff/patients");

        Assert.True(await Page.Locator("tbody tr").CountAsync() > 0, "the demo cohort should fill the list");
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page);
        await Errors.AssertNoneAsync();
    }
}
