using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Browser.Tests.Patients;

/// <summary>
/// The ALSFRS-R plots read on a phone: on the case page, the staff chart and "My progress", in
/// each language the page is written in, every plot text is drawn at 12 CSS px or more on a
/// 360 px phone (font size times the SVG's scale on screen), stays inside its drawing, and the
/// page does not scroll sideways (on the staff chart: the plots and table do not reach past the edge); the same at desktop width, with axe on both.
/// The staff claims audit's analytics plots likewise: the phone's SVG at 360 px with its text at 12 px or more.
/// </summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class PlotFontTests(ChromiumBrowser chromium, DemoBrowserApp app) : PageTest(chromium, app)
{
    private const double Smallest = 12;
    private readonly ChromiumBrowser _chromium = chromium;

    [Fact]
    public async Task Plot_text_is_at_least_12_px_on_a_phone_in_every_language()
    {
        // One context, a phone's: 360 x 740 at twice the pixel density; desktop by resizing it.
        await using var context = await _chromium.Browser.NewContextAsync(new()
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new() { Width = 360, Height = 740 },
            DeviceScaleFactor = 2,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var errors = PageErrors.Watch(page);

        var slug = await App.WithDbAsync(db => db.PatientCases.Where(c => c.Slug == "example-1").Select(c => c.Slug).SingleAsync());
        foreach (var culture in new[] { "en", "uk", "sr-Latn" })
            await CheckAsync(page, $"/cases/{slug}?culture={culture}", $"plots-case-{culture}");

        var chartPatient = await App.WithDbAsync(db => db.AlsfrsRAssessments.Where(a => a.VoidedAt == null).GroupBy(a => a.PatientId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync());
        var staffEmail = await App.StaffEmailAsync(Data.Identity.StaffRoles.Administrator);
        await page.GotoAsync("/staff/login");
        await page.GetByLabel("Email").FillAsync(staffEmail);
        await page.GetByLabel("Password").FillAsync(BrowserApp.TestPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/staff/login");
        await CheckAsync(page, $"/staff/patients/{chartPatient}", "plots-staff-chart", wholePage: false);
        await CheckAnalyticsAsync(page);

        var (patientId, _, email) = await PortalTestKit.PatientWithAccountAsync(App);
        await App.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            int[][] answers = [[4, 4, 4, 4, 3, 3, 4, 3, 3, 4, 4, 4], [4, 3, 4, 3, 3, 3, 3, 3, 3, 4, 4, 4], [3, 3, 3, 3, 2, 3, 3, 2, 2, 3, 4, 4], [3, 3, 3, 2, 2, 2, 3, 2, 2, 3, 3, 4]];
            for (var i = 0; i < answers.Length; i++)
                db.AlsfrsRAssessments.Add(Arrange.Assessment(patientId, today.AddMonths(3 * i - 12), Scores(answers[i])));
            db.TreatmentCourses.Add(new TreatmentCourse { PatientId = patientId, Number = 1, StartDate = today.AddMonths(-11) });
            db.TreatmentCourses.Add(new TreatmentCourse { PatientId = patientId, Number = 2, StartDate = today.AddMonths(-3) });
            await db.SaveChangesAsync();
            return 0;
        });
        await page.GotoAsync("/portal/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(RegistryAppFactory.TestPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");
        foreach (var culture in new[] { "en", "uk", "sr-Latn" })
            await CheckAsync(page, $"/portal/trajectory?culture={culture}", $"plots-my-progress-{culture}");
        await errors.AssertNoneAsync();
    }

    /// <summary>At 360 px and then at desktop width: plot text size, text inside its drawing, no sideways scroll, axe; a screenshot of each.</summary>
    private static async Task CheckAsync(IPage page, string url, string name, bool wholePage = true)
    {
        foreach (var (width, height) in new[] { (360, 740), (1280, 900) })
        {
            await page.SetViewportSizeAsync(width, height);
            var response = await page.GotoAsync(url);
            Assert.True(response!.Status == 200, $"{url}: {response.Status}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, $"{name}-{width}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
            var texts = await page.EvaluateAsync<PlotText[]>("""
                () => [...document.querySelectorAll('main .tp-figure svg text')]
                    .filter(t => t.getClientRects().length > 0)
                    .map(t => {
                        const box = t.getBoundingClientRect(), svg = t.ownerSVGElement.getBoundingClientRect();
                        return { text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
                                 inside: box.left >= svg.left - 0.5 && box.right <= svg.right + 0.5 && box.top >= svg.top - 0.5 && box.bottom <= svg.bottom + 0.5 };
                    })
                """);
            Assert.True(texts.Length >= 20, $"{url} at {width} px: only {texts.Length} plot texts shown");
            var small = texts.Where(t => t.Px < Smallest).ToList();
            Assert.True(small.Count == 0, $"{url} at {width} px: plot text under {Smallest} px: " + string.Join("; ", small.Select(t => $"\"{t.Text}\" {t.Px:0.0} px")));
            var outside = texts.Where(t => !t.Inside).ToList();
            Assert.True(outside.Count == 0, $"{url} at {width} px: plot text cut at the drawing's edge: " + string.Join("; ", outside.Select(t => t.Text)));
            // The elements reaching past the right edge, named for the failure message. The staff
            // chart is checked for its plots and table only (its facts list is not drawn for phones).
            var wide = await page.EvaluateAsync<string[]>("""
                scope => [...document.querySelectorAll(scope)].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className ? '.' + e.className : ''))
                """, wholePage ? "body *" : "main .tp-figure, main .tp-figure *, main table.tp-table, main table.tp-table *");
            Assert.True(wide.Length == 0, $"{url} at {width} px scrolls sideways: " + string.Join(", ", wide));
            await AxeAssert.NoSeriousViolationsAsync(page);
        }
    }

    /// <summary>
    /// The staff claims audit's plots, all in one page load: at 360 px each is the phone's SVG, and
    /// its text, measured as the browser lays the SVG out at the image's shown width, is 12 px or
    /// more; at desktop width each is the PNG. Axe on both, a screenshot of each.
    /// </summary>
    private static async Task CheckAnalyticsAsync(IPage page)
    {
        foreach (var (width, height) in new[] { (360, 740), (1280, 900) })
        {
            await page.SetViewportSizeAsync(width, height);
            var response = await page.GotoAsync("/staff/outcomes");
            Assert.True(response!.Status == 200, $"/staff/outcomes: {response.Status}");
            var plots = await page.EvaluateAsync<AnalyticsPlot[]>("""
                async () => {
                    const images = [...document.querySelectorAll('main figure.ap-figure img')];
                    for (const img of images) { img.loading = 'eager'; await img.decode(); }
                    const found = [];
                    for (const img of images) {
                        const shown = img.getBoundingClientRect().width, src = img.currentSrc;
                        const plot = { src, shown, texts: 0, smallest: 0, smallestText: '' };
                        if (src.includes('.svg')) {
                            // The same drawing laid out in the page at the width the image is shown.
                            const svg = new DOMParser().parseFromString(await (await fetch(src)).text(), 'image/svg+xml').documentElement;
                            const box = document.createElement('div');
                            box.style.cssText = `position:absolute;left:0;top:0;width:${shown}px;visibility:hidden`;
                            svg.setAttribute('width', '100%');
                            svg.removeAttribute('height');
                            box.appendChild(document.importNode(svg, true));
                            document.body.appendChild(box);
                            const sizes = [...box.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
                                const m = t.getScreenCTM();
                                return { text: t.textContent.trim(), px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b) };
                            }).sort((a, b) => a.px - b.px);
                            box.remove();
                            plot.texts = sizes.length;
                            if (sizes.length) { plot.smallest = sizes[0].px; plot.smallestText = sizes[0].text; }
                        }
                        found.push(plot);
                    }
                    return found;
                }
                """);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, $"plots-staff-analytics-{width}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
            Assert.Equal(Web.Features.Analytics.AnalyticsPlot.All.Count, plots.Length);
            foreach (var plot in plots)
            {
                if (width == 360)
                {
                    Assert.True(plot.Src.Contains(".svg", StringComparison.Ordinal), $"At 360 px the page shows {plot.Src}, not the phone's SVG.");
                    Assert.True(plot.Texts >= 5, $"{plot.Src}: only {plot.Texts} texts");
                    Assert.True(plot.Smallest >= Smallest, $"{plot.Src} at 360 px: \"{plot.SmallestText}\" at {plot.Smallest:0.0} px, under {Smallest} px");
                }
                else Assert.True(plot.Src.Contains(".png", StringComparison.Ordinal), $"At {width} px the page shows {plot.Src}, not the PNG.");
                Assert.True(plot.Shown <= width, $"{plot.Src} is {plot.Shown} px wide at {width} px");
            }
            var wide = await page.EvaluateAsync<int>("() => document.querySelectorAll('main figure.ap-figure img').length - [...document.querySelectorAll('main figure.ap-figure img')].filter(i => i.getBoundingClientRect().right <= document.documentElement.clientWidth + 0.5).length");
            Assert.True(wide == 0, $"{wide} plots reach past the right edge at {width} px");
            await AxeAssert.NoSeriousViolationsAsync(page);
        }
    }

    private sealed class AnalyticsPlot
    {
        public string Src { get; set; } = "";
        public double Shown { get; set; }
        public int Texts { get; set; }
        public double Smallest { get; set; }
        public string SmallestText { get; set; } = "";
    }

    private static Clinical.Alsfrs.AlsfrsRResponses Scores(int[] a) =>
        Clinical.Alsfrs.AlsfrsRResponses.FromScores(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11]);

    private sealed class PlotText
    {
        public string Text { get; set; } = "";
        public double Px { get; set; }
        public bool Inside { get; set; }
    }
}
