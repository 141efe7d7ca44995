using CellTherapyCenter.Data.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Browser.Tests.Inquiries;

/// <summary>
/// Issue 17: the request form loses nothing. One context (a phone's pixel density) for every pass:
/// each language at 360 px and at desktop width sends the form with a document and a missing name,
/// finds the error summary focused with a working link, the document still listed, and sends the
/// corrected form with it. The first pass also removes the document and attaches it again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RequestFormKeepsFilesBrowserTests(ChromiumBrowser chromium, BrowserApp app) : PageTest(chromium, app)
{
    private static readonly byte[] Pdf = CellTherapyCenter.Web.Tests.Uploads.TestDocuments.Pdf();

    [Fact]
    public async Task The_request_form_keeps_a_file_across_an_error()
    {
        await using var context = await Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(), DeviceScaleFactor = 2, ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var errors = PageErrors.Watch(page);
        var first = true;
        foreach (var culture in new[] { "en", "uk", "sr-Latn" })
        {
            foreach (var (width, height) in new[] { (360, 740), (1280, 900) })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.GotoAsync($"/request-information?culture={culture}");
                var patientName = page.Locator("#Input_PatientName");
                Assert.False(await patientName.IsVisibleAsync(), "the patient's name is asked only of a relative or carer");
                await page.Locator("#role-Relative").CheckAsync();
                await patientName.FillAsync("Milica Petrović");
                await page.Locator("#Input_PatientAge").SelectOptionAsync("67");
                await page.Locator("#Input_Country").SelectOptionAsync("RS");
                await page.Locator("#Input_Phone").FillAsync("063 123 4567");
                await page.Locator("#documents").SetInputFilesAsync(new FilePayload { Name = "report.pdf", MimeType = "application/pdf", Buffer = Pdf });
                await page.Locator("#Input_Consent").CheckAsync();
                await page.Locator(".actions button[type=submit]").ClickAsync();
                await page.WaitForLoadStateAsync();

                // The summary has focus, lists the missing name and its link goes to the field.
                Assert.Equal("problems", await page.EvaluateAsync<string>("document.activeElement.id"));
                var link = page.Locator("#problems a[href='#Input_Name']");
                Assert.Equal(1, await link.CountAsync());
                Assert.Contains("report.pdf", await page.Locator(".held-documents").InnerTextAsync());
                Assert.Equal("063 123 4567", await page.Locator("#Input_Phone").InputValueAsync());
                Assert.True(await patientName.IsVisibleAsync());
                await AxeAssert.NoSeriousViolationsAsync(page);
                await Screenshots.TakeAsync(page, $"request-information-kept-{culture}-{width}");
                await link.ClickAsync();
                Assert.Equal("Input_Name", await page.EvaluateAsync<string>("document.activeElement.id"));

                if (first)
                {
                    // Removed, the rest as typed; then chosen again.
                    await page.Locator(".held-documents button[name=remove]").ClickAsync();
                    await page.WaitForLoadStateAsync();
                    Assert.Contains("report.pdf", await page.Locator("[role=status]").InnerTextAsync());
                    Assert.Equal(0, await page.Locator(".held-documents").CountAsync());
                    Assert.Equal("Milica Petrović", await patientName.InputValueAsync());
                    await page.Locator("#documents").SetInputFilesAsync(new FilePayload { Name = "report.pdf", MimeType = "application/pdf", Buffer = Pdf });
                    first = false;
                }
                await page.Locator("#Input_Name").FillAsync($"Ana {culture} {width}");
                // Enter in a field sends the form (the remove buttons are not the form's default button).
                await page.Locator("#Input_Name").PressAsync("Enter");
                // Waits for the address only: the request is stored before the redirect answers, and this
                // test reads no part of the page. Waiting for its load event as well once ran past 60 s in CI.
                await page.WaitForURLAsync("**/request-information/sent/*", new() { WaitUntil = WaitUntilState.Commit });
                var reference = page.Url.Split('/')[^1].Split('?')[0];
                var stored = await App.WithDbAsync(db => db.Inquiries.Include(i => i.Documents).AsNoTracking().SingleAsync(i => i.Reference == reference));
                Assert.Equal(("document-1.pdf", Pdf.Length, "+381631234567", "Milica Petrović", 67),
                    (Assert.Single(stored.Documents).FileName, stored.Documents[0].Content.Length, stored.Phone, stored.PatientName, stored.PatientAge));
            }
        }
        await errors.AssertNoneAsync();
    }
}
