namespace CellTherapyCenter.Browser.Tests.FollowUp;

[Collection(DemoBrowserCollection.Name)]
public sealed class WorklistPageTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    [Fact]
    public async Task Follow_up_worklist_with_the_demo_cohort_passes_the_accessibility_scan()
    {
        await SignInAsync();
        var response = await Page.GotoAsync("/staff/follow-up");

        Assert.Equal(200, response!.Status);
        Assert.True(await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).CountAsync() == 1);
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page);
        await Errors.AssertNoneAsync();
    }
}
