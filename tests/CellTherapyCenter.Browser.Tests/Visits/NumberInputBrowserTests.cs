using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Browser.Tests.Visits;

/// <summary>
/// A decimal comma typed into a real form in Chromium reaches the registry as the number meant:
/// with <c>type="number"</c> Chromium sent "2,5" as an empty value, and the server read "71,5" as 715.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NumberInputBrowserTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    [Fact]
    public async Task A_decimal_comma_typed_in_the_visit_form_is_stored_and_an_ambiguous_number_is_refused_beside_its_field()
    {
        var id = await App.WithDbAsync(async db => { var p = Arrange.Patient("Zarezova"); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });
        await SignInAsync(StaffRoles.Coordinator);
        await Page.GotoAsync($"/staff/patients/{id}/visits/new");
        var fvc = Page.GetByLabel("FVC, % of predicted");
        var weight = Page.GetByLabel("Weight, kg");

        // First an ambiguous weight: refused beside the field, what was typed kept, nothing stored.
        await fvc.PressSequentiallyAsync("71,5");
        await weight.PressSequentiallyAsync("1.234");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-valmsg-for='Input.WeightKg']")).ToContainTextAsync("thousands");
        await Assertions.Expect(weight).ToHaveValueAsync("1.234");
        await Assertions.Expect(fvc).ToHaveValueAsync("71,5");
        Assert.False(await App.WithDbAsync(db => db.Visits.AnyAsync(v => v.PatientId == id)));
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "staff-visit-number-refused");

        await weight.FillAsync("");
        await weight.PressSequentiallyAsync("78,4");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/patients/{id}");

        var visit = await App.WithDbAsync(db => db.Visits.AsNoTracking().SingleAsync(v => v.PatientId == id));
        Assert.Equal((71.5, 78.4), (visit.FvcPercentPredicted, visit.WeightKg));
        await Errors.AssertNoneAsync();
    }
}
