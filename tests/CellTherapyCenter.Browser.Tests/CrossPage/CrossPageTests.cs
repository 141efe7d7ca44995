using System.Globalization;
using CellTherapyCenter.Web.Features.Portal;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace CellTherapyCenter.Browser.Tests.CrossPage;

/// <summary>
/// The issue-17 checks that hold for every public and portal page (<see cref="SiteWalk"/>), run
/// in ONE walk per half of the site: each page is loaded once per language and width and every
/// check that applies runs on that one load (a load costs as much as a cheap check; the walk used
/// to load each page once per concern, 478 loads instead of 180). The public half runs in the
/// demo registry's collection, the portal half in the empty registry's, so the two run side by
/// side with no app started for them alone. The findings stay apart by concern and the test lists
/// all of them at once. Findings on pages another area owns are listed in
/// <see cref="KnownFindingsOfOtherAreas"/>.
///
/// What runs where (one load per page, language and width):
/// - layout (sideways scroll, a table or heading cut without a scroll cue, one h1, a phone number
///   on one line): every language at both widths;
/// - focus indicators (an outline of 2 px or more at 3:1 against its background): every language
///   at both widths in the light scheme (no extra load), and again in the dark scheme, which only
///   the portal's stylesheet has, on the portal pages in English at both widths: focus styling
///   comes from CSS that no language changes, which the light pass in all three shows;
/// - axe: every language at 360 px, and English at desktop width. The trade-off, measured and
///   checked: the server sends the same HTML whatever the width (it never sees the viewport), so
///   what a language changes (the lang attribute, names, labels, alt texts, the words) is the
///   same at both widths and is scanned at 360 px in all three; what the width changes (the CSS
///   of the media queries: colours, sizes, what is shown, target sizes) does not depend on the
///   language and is scanned at both widths in English. Scanning the 2 × 30 uk/sr desktop pages too
///   would add about a minute to CI for no rule that could fail only there;
/// - no English outside lang="en": uk and sr-Latn at both widths (last, as it opens every details);
/// - at most 3 Tab presses to the main action: the portal's pages in English at both widths
///   (first, on the fresh page: the keyboard order is the markup's in every language).
/// </summary>
public abstract class CrossPageTests(ChromiumBrowser chromium, BrowserApp app, SitePart part) : IAsyncLifetime
{
    private SiteWalk _walk = null!;

    public async Task InitializeAsync() => _walk = await SiteWalk.PrepareAsync(chromium, app, part);

    public Task DisposeAsync() => _walk.DisposeAsync();

    [Fact]
    public async Task Every_page_passes_the_layout_axe_focus_english_and_tab_checks_in_every_language_at_phone_and_desktop_width()
    {
        var layout = new Findings(KnownFindingsOfOtherAreas.Layout);
        var axe = new Findings(KnownFindingsOfOtherAreas.Axe);
        var focus = new Findings(KnownFindingsOfOtherAreas.Focus);
        var english = new Findings(KnownFindingsOfOtherAreas.English);
        var tabCount = new Findings(KnownFindingsOfOtherAreas.TabCount);
        var detector = EnglishText.FromResources(typeof(PortalText).Assembly, SiteWalk.TranslatedCultures);
        // Violations only: axe then skips detailing what passed, which makes a scan faster.
        var axeOptions = new AxeRunOptions { RunOnly = RunOnlyOptions.Tags(AxeAssert.Tags), ResultTypes = [ResultType.Violations] };
        int loads = 0, scans = 0, rings = 0, texts = 0, translated = 0, tabbed = 0;

        var took = await _walk.WalkAsync(SiteWalk.Cultures, SiteWalk.Viewports, async (page, culture, width) =>
        {
            loads++;
            var phone = width == SiteWalk.Viewports[0].Width;
            if (culture == "en" && IsPortalPage(page))
            {
                tabbed++;
                await CountTabsAsync(page, culture, width, tabCount);
            }
            foreach (var problem in await _walk.Page.EvaluateAsync<string[]>(PageProbes.Layout))
                layout.Add(page, culture, width, problem);
            if (phone || culture == "en")
            {
                scans++;
                var result = await _walk.Page.RunAxe(axeOptions);
                foreach (var rule in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                    axe.Add(page, culture, width, $"{rule.Id} ({rule.Impact}): {rule.Help} at {string.Join(", ", rule.Nodes.Select(n => n.Target))}");
            }
            rings += await MeasureFocusAsync(page, culture, width, focus);
            if (culture != "en")
            {
                translated++;
                Assert.Equal(culture, await _walk.Page.Locator("html").GetAttributeAsync("lang"));
                foreach (var row in await _walk.Page.EvaluateAsync<TextRow[]>(PageProbes.ReaderText))
                {
                    texts++;
                    if (detector.Why(row.Text, culture) is { } why)
                        english.Add(page, culture, width, $"{row.Where} \"{Shorten(row.Text)}\" ({why})");
                }
            }
        });
        Assert.All(_walk.Errors.All, e => Assert.Contains("404", e)); // the 404 pages' own status is the one error allowed

        // The portal's dark scheme (prefers-color-scheme: dark turns its focus ring white on a dark page).
        var darkRings = 0;
        var darkLoads = 0;
        if (part == SitePart.Portal)
        {
            await _walk.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
            took += await _walk.WalkAsync(["en"], SiteWalk.Viewports, async (page, culture, width) =>
            {
                darkLoads++;
                Assert.Equal("dark", await _walk.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).colorScheme"));
                darkRings += await MeasureFocusAsync(page, culture, width, focus, "dark scheme: ");
            }, IsPortalPage);
            await _walk.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
            Assert.True(darkLoads > 10 && darkRings > darkLoads * 5, $"only {darkRings} focus indicators measured on {darkLoads} dark portal pages");
            Assert.True(tabbed > 10, $"the Tab count ran on {tabbed} portal pages only");
        }

        Assert.True(rings > loads * 5, $"only {rings} focus indicators measured on {loads} pages");
        Assert.True(texts > translated * 10, $"only {texts} texts read on {translated} pages");
        Findings.AssertNone(took, loads + darkLoads, [
            (layout, loads), (axe, scans), (focus, loads + darkLoads), (english, translated), (tabCount, tabbed)]);

        // To look at (with CTC_SCREENSHOTS): the ring on a link and on a table scroller at phone width.
        if (part != SitePart.Public || !Screenshots.Enabled) return;
        await _walk.Page.SetViewportSizeAsync(SiteWalk.Viewports[0].Width, SiteWalk.Viewports[0].Height);
        await _walk.Page.GotoAsync("/patents");
        foreach (var (selector, name) in new[] { ("header nav a[href='/als']", "focus-ring-link-360"), ("main .table-scroll", "focus-ring-scroller-360") })
        {
            await _walk.Page.FocusAsync(selector);
            await Screenshots.TakeAsync(_walk.Page, name, fullPage: false);
        }
    }

    /// <summary>A page of the portal (its stylesheet, its dark scheme, its main actions), signed in or not, that answers.</summary>
    private static bool IsPortalPage(WalkPage page) => page.Route.StartsWith("/portal", StringComparison.Ordinal) && page.Status == 200;

    /// <summary>
    /// Focuses each focusable element of the page as a keyboard user would (a Tab first, so that
    /// :focus-visible rules apply) and adds a finding for an outline under 2 px or 3:1. Returns how many were measured.
    /// </summary>
    private async Task<int> MeasureFocusAsync(WalkPage page, string culture, int width, Findings focus, string scheme = "")
    {
        await _walk.Page.Keyboard.PressAsync("Tab");
        var rows = await _walk.Page.EvaluateAsync<FocusRow[]>(PageProbes.FocusIndicators);
        foreach (var row in rows.Where(r => r.Width < 2 || r.Contrast < 3))
            focus.Add(page, culture, width, $"{scheme}{row.What}: outline {row.Outline} on {row.Background}, contrast {row.Contrast.ToString("0.00", CultureInfo.InvariantCulture)}:1");
        return rows.Length;
    }

    /// <summary>The Tab presses from the top of the fresh page to its main action: "Send" on the review page, elsewhere the first thing in main a keyboard can reach.</summary>
    private async Task CountTabsAsync(WalkPage page, string culture, int width, Findings tabCount)
    {
        var action = page.Route.EndsWith("/review", StringComparison.Ordinal) ? "main form[method=post] button" : null;
        await AutofocusSettledAsync(_walk.Page);
        var (presses, stops) = await TabsToMainActionAsync(_walk.Page, action);
        if (presses is null) tabCount.Add(page, culture, width, $"no main action ({action ?? "nothing focusable in main"})");
        else if (presses == int.MaxValue) tabCount.Add(page, culture, width, $"the main action is not reached in 8 Tab presses: {string.Join(" → ", stops)}");
        else if (presses > 3) tabCount.Add(page, culture, width, $"{presses} Tab presses to the main action: {string.Join(" → ", stops)}");
    }

    /// <summary>
    /// Tab presses from the top of the freshly loaded page to its main action, the fewer of two
    /// ways: Tab alone, or Tab to the skip link, Enter, and Tab again (Enter not counted). Null
    /// when the page has no such action. The stops passed on the shorter way come with it.
    /// </summary>
    private static async Task<(int? Presses, IReadOnlyList<string> Stops)> TabsToMainActionAsync(IPage page, string? selector)
    {
        const string mark = """
            selector => {
              const focusable = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
              // Tab stops on the checked radio of a group (or its first when none is checked).
              const tabbable = e => !e.disabled && e.checkVisibility({ visibilityProperty: true }) && e.getClientRects().length > 0
                && !(e.type === 'radio' && !e.checked && [...document.getElementsByName(e.name)].some(r => r !== e && (r.checked || r.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)));
              const target = selector ? document.querySelector(selector)
                : [...document.querySelectorAll(`main :is(${focusable})`)].find(tabbable);
              if (!target) return false;
              target.setAttribute('data-main-action', '');
              return true;
            }
            """;
        const string target = "[data-main-action]";
        if (!await page.EvaluateAsync<bool>(mark, selector)) return (null, []);
        var direct = await PressTabsAsync(page, target, 8);
        if (direct.Presses <= 3) return direct;

        await page.ReloadAsync();
        await AutofocusSettledAsync(page);
        await page.EvaluateAsync<bool>(mark, selector);
        await page.Keyboard.PressAsync("Tab");
        if (!await page.EvaluateAsync<bool>("() => document.activeElement?.matches('a.skip-link') ?? false")) return direct;
        await page.Keyboard.PressAsync("Enter");
        var skipped = await PressTabsAsync(page, target, 8);
        var viaSkipLink = (Presses: skipped.Presses == int.MaxValue ? int.MaxValue : skipped.Presses + 1, Stops: (IReadOnlyList<string>)["skip link", "Enter", .. skipped.Stops]);
        return viaSkipLink.Presses < direct.Presses ? viaSkipLink : direct;
    }

    /// <summary>
    /// A browser moves focus to an autofocus element at a rendering update after the load, and drops
    /// it if a key moved focus first: after two animation frames the page is as a person meets it.
    /// </summary>
    private static Task AutofocusSettledAsync(IPage page) =>
        page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");

    /// <summary>Tab presses until the target has focus (0 if it has already), int.MaxValue if not within the most.</summary>
    private static async Task<(int? Presses, IReadOnlyList<string> Stops)> PressTabsAsync(IPage page, string target, int most)
    {
        var stops = new List<string>();
        for (var presses = 0; presses <= most; presses++)
        {
            if (await page.EvaluateAsync<bool>("t => document.activeElement?.matches(t) ?? false", target)) return (presses, stops);
            if (presses > 0) stops.Add(await KeyboardNavigation.FocusedAsync(page));
            await page.Keyboard.PressAsync("Tab");
        }
        return (int.MaxValue, stops);
    }

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..87] + "…";

    private sealed class FocusRow
    {
        public string What { get; set; } = "";
        public string Outline { get; set; } = "";
        public double Width { get; set; }
        public string Background { get; set; } = "";
        public double Contrast { get; set; }
    }

    private sealed class TextRow
    {
        public string Where { get; set; } = "";
        public string Text { get; set; } = "";
    }
}

/// <summary>The cross-page checks on the public site (the demo registry: its cases and content).</summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class PublicCrossPageTests(ChromiumBrowser chromium, DemoBrowserApp app) : CrossPageTests(chromium, app, SitePart.Public);

/// <summary>The cross-page checks on the patient portal (a patient of its own in the empty registry), in both colour schemes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalCrossPageTests(ChromiumBrowser chromium, BrowserApp app) : CrossPageTests(chromium, app, SitePart.Portal);
