using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Browser.Tests.Patients;

/// <summary>
/// The staff pages on paper (site.css, print section): printed to PDF by Chromium, the pages drawn
/// by pdftoppm into the screenshots folder (print-*.png) and their text read by pdftotext.
/// </summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class PrintTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    /// <summary>Words that only the screen's controls carry: navigation, skip link, action bars, buttons.</summary>
    private static readonly string[] ControlTexts = ["Sign out", "Skip to main content", "Eligibility screen", "PDF summary", "Record ALSFRS-R", "Audit trail"];

    [Fact]
    public async Task Patient_pages_print_without_controls_and_name_the_patient_on_every_page()
    {
        await SignInAsync();
        var patient = await DemoPatientWithHistoryAsync();

        // The chart with its whole timeline runs over several pages.
        var chart = await PrintAsync($"/staff/patients/{patient.Id}?timeline=all", "print-chart");
        Assert.True(chart.Count >= 2, $"{chart.Count} page(s)");
        for (var i = 0; i < chart.Count; i++)
        {
            var text = chart[i].Text;
            Assert.Contains(patient.Name, text);
            Assert.Contains(patient.Code, text);
            Assert.Contains("printed from the registry", text);
            Assert.Contains($"Page {i + 1} of {chart.Count}", text);
            foreach (var control in ControlTexts) Assert.DoesNotContain(control, text);
        }
        Assert.Contains("ALSFRS-R assessments", string.Concat(chart.Select(p => p.Text)));
        await AssertPrintedBlackOnWhiteWithoutControlsAsync();

        // A record form: the header, the recorded answers, no Save or Void.
        var form = await PrintAsync($"/staff/patients/{patient.Id}/assessments/{patient.AssessmentId}", "print-assessment-form");
        Assert.All(form, p => Assert.Contains(patient.Code, p.Text));
        await AssertPrintedBlackOnWhiteWithoutControlsAsync();

        // On screen the print header is not shown.
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });
        Assert.False(await Page.Locator(".print-header").IsVisibleAsync());
        await Errors.AssertNoneAsync();
    }

    [Fact]
    public async Task The_patient_list_and_the_audit_trail_print_without_controls()
    {
        await SignInAsync();
        var list = await PrintAsync("/staff/patients", "print-patient-list");
        Assert.All(list, p => Assert.DoesNotContain("Sign out", p.Text));
        Assert.Contains("synthetic", list[0].Text);
        await AssertPrintedBlackOnWhiteWithoutControlsAsync();

        var audit = await PrintAsync("/staff/audit", "print-audit");
        Assert.All(audit, p => Assert.DoesNotContain("Sign out", p.Text));
        Assert.False(await Page.Locator(".print-header").IsVisibleAsync(), "the audit page is about no one patient");
        await AssertPrintedBlackOnWhiteWithoutControlsAsync();
        await Errors.AssertNoneAsync();
    }

    [Fact]
    public async Task The_chart_with_its_pdf_link_passes_the_accessibility_scan()
    {
        await SignInAsync(Data.Identity.StaffRoles.Physician);
        var patient = await DemoPatientWithHistoryAsync();
        await Page.GotoAsync($"/staff/patients/{patient.Id}");
        var link = Page.GetByRole(AriaRole.Link, new() { Name = "PDF summary" });
        Assert.Equal($"/staff/patients/{patient.Id}/summary.pdf", await link.GetAttributeAsync("href"));
        await AxeAssert.NoSeriousViolationsAsync(Page);
        await Screenshots.CaptureAsync(Page, "staff-patient-chart");

        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Matches(@"^CTC-\w+-summary-\d{4}-\d{2}-\d{2}\.pdf$", download.SuggestedFilename);
        var file = Path.Combine(Screenshots.Folder, "patient-summary.pdf");
        await download.SaveAsAsync(file);
        var pages = Poppler.Pages(await File.ReadAllBytesAsync(file), Screenshots.Folder, "patient-summary", dpi: 80);
        Assert.Contains(patient.Code, pages[0].Text);
        Assert.Contains("Synthetic demo data", pages[0].Text);
        await Errors.AssertNoneAsync();
    }

    private sealed record DemoPatient(Guid Id, string Name, string Code, Guid AssessmentId);

    /// <summary>The demo patient with the most ALSFRS-R assessments, so that the chart is long.</summary>
    private Task<DemoPatient> DemoPatientWithHistoryAsync() => App.WithDbAsync(async db =>
    {
        var id = await db.AlsfrsRAssessments.Where(a => a.VoidedAt == null).GroupBy(a => a.PatientId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
        var p = await db.Patients.SingleAsync(x => x.Id == id);
        var assessment = await db.AlsfrsRAssessments.Where(a => a.PatientId == id && a.VoidedAt == null).OrderBy(a => a.AssessedOn).Select(a => a.Id).FirstAsync();
        return new DemoPatient(id, $"{p.FamilyName}, {p.GivenName}", p.Pseudonym, assessment);
    });

    /// <summary>Opens the page and prints it to PDF as Chromium's print dialog would (A4, the page's own @page margins).</summary>
    private async Task<List<Poppler.Page>> PrintAsync(string url, string stem)
    {
        // No media emulation: Chromium prints with print media (emulating screen would print the screen's styles).
        await Page.EmulateMediaAsync(new() { Media = Media.Null });
        await Page.GotoAsync(url);
        var pdf = await Page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true });
        var pages = Poppler.Pages(pdf, Screenshots.Folder, stem, dpi: 60);
        Assert.NotEmpty(pages);
        return pages;
    }

    /// <summary>In print media: no visible navigation, button or action bar, and black text on white.</summary>
    private async Task AssertPrintedBlackOnWhiteWithoutControlsAsync()
    {
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        var visibleControls = await Page.EvaluateAsync<string[]>(
            """[...document.querySelectorAll('nav, button, .button, .actions, .skip-link, .site-header, .filters, .pager')].filter(e => e.checkVisibility()).map(e => e.outerHTML.slice(0, 80))""");
        Assert.Empty(visibleControls);
        var colours = await Page.EvaluateAsync<string[]>(
            """[...new Set([...document.querySelectorAll('main, main a, main th, main td, main h1, main h2')].filter(e => e.checkVisibility()).map(e => getComputedStyle(e).color))]""");
        Assert.All(colours, c => Assert.Equal("rgb(0, 0, 0)", c));
        Assert.Equal("rgb(255, 255, 255)", await Page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
    }
}
