using System.Globalization;
using CellTherapyCenter.Web.Features.Portal;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace CellTherapyCenter.Browser.Tests.CrossPage;

/// <summary>
/// The issue-17 checks that hold for every public and portal page (<see cref="SiteWalk"/>): one
/// test per concern, each walking the pages in one browser context. Findings on pages another
/// area owns are listed in <see cref="KnownFindingsOfOtherAreas"/>.
/// </summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class CrossPageTests(ChromiumBrowser chromium, DemoBrowserApp app) : IAsyncLifetime
{
    private SiteWalk _walk = null!;

    public async Task InitializeAsync() => _walk = await SiteWalk.PrepareAsync(chromium, app);

    public Task DisposeAsync() => _walk.DisposeAsync();

    [Fact]
    public async Task No_page_scrolls_sideways_or_cuts_a_table_or_heading_without_a_scroll_cue_in_any_language_at_phone_or_desktop_width()
    {
        var findings = new Findings(KnownFindingsOfOtherAreas.Layout);
        var loads = 0;
        var took = await _walk.WalkAsync(SiteWalk.Cultures, SiteWalk.Viewports, async (page, culture, width) =>
        {
            loads++;
            foreach (var problem in await _walk.Page.EvaluateAsync<string[]>(PageProbes.Layout))
                findings.Add(page, culture, width, problem);
        });
        findings.AssertNone(took, loads);
        Assert.All(_walk.Errors.All, e => Assert.Contains("404", e)); // the 404 pages' own status is the one error allowed
    }

    [Fact]
    public async Task Every_page_passes_the_accessibility_scan_in_every_language_at_phone_width()
    {
        var findings = new Findings(KnownFindingsOfOtherAreas.Axe);
        var loads = 0;
        // Violations only: axe then skips detailing what passed, which makes a scan faster.
        var options = new AxeRunOptions { RunOnly = RunOnlyOptions.Tags(AxeAssert.Tags), ResultTypes = [ResultType.Violations] };
        // At phone width only: a scan takes seconds, and the English desktop pages are scanned by
        // PublicPagesBrowserTests and PortalAccessibilityTests already.
        var took = await _walk.WalkAsync(SiteWalk.Cultures, [SiteWalk.Viewports[0]], async (page, culture, width) =>
        {
            loads++;
            var result = await _walk.Page.RunAxe(options);
            foreach (var rule in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                findings.Add(page, culture, width, $"{rule.Id} ({rule.Impact}): {rule.Help} at {string.Join(", ", rule.Nodes.Select(n => n.Target))}");
        });
        findings.AssertNone(took, loads);
    }

    [Fact]
    public async Task Every_focus_indicator_is_an_outline_of_2_px_or_more_with_3_to_1_contrast_against_its_background()
    {
        var findings = new Findings(KnownFindingsOfOtherAreas.Focus);
        var loads = 0;
        var measured = 0;
        var took = await _walk.WalkAsync(["en"], SiteWalk.Viewports, async (page, culture, width) =>
        {
            loads++;
            await _walk.Page.Keyboard.PressAsync("Tab"); // as a keyboard user: focus-visible applies from here on
            foreach (var row in await _walk.Page.EvaluateAsync<FocusRow[]>(PageProbes.FocusIndicators))
            {
                measured++;
                if (row.Width < 2 || row.Contrast < 3)
                    findings.Add(page, culture, width, $"{row.What}: outline {row.Outline} on {row.Background}, contrast {row.Contrast.ToString("0.00", CultureInfo.InvariantCulture)}:1");
            }
        });
        Assert.True(measured > loads * 5, $"only {measured} focus indicators measured on {loads} pages");
        findings.AssertNone(took, loads);

        // To look at: the ring on a link and on a table scroller at phone width.
        await _walk.Page.SetViewportSizeAsync(SiteWalk.Viewports[0].Width, SiteWalk.Viewports[0].Height);
        await _walk.Page.GotoAsync("/patents");
        foreach (var (selector, name) in new[] { ("header nav a[href='/als']", "focus-ring-link-360"), ("main .table-scroll", "focus-ring-scroller-360") })
        {
            await _walk.Page.FocusAsync(selector);
            Directory.CreateDirectory(Screenshots.Folder);
            await _walk.Page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, name + ".png") });
        }
    }

    [Fact]
    public async Task No_english_text_is_left_outside_lang_en_on_ukrainian_and_serbian_pages()
    {
        var detector = EnglishText.FromResources(typeof(PortalText).Assembly, SiteWalk.TranslatedCultures);
        var findings = new Findings(KnownFindingsOfOtherAreas.English);
        var loads = 0;
        var texts = 0;
        var took = await _walk.WalkAsync(SiteWalk.TranslatedCultures, SiteWalk.Viewports, async (page, culture, width) =>
        {
            loads++;
            Assert.Equal(culture, await _walk.Page.Locator("html").GetAttributeAsync("lang"));
            foreach (var row in await _walk.Page.EvaluateAsync<TextRow[]>(PageProbes.ReaderText))
            {
                texts++;
                if (detector.Why(row.Text, culture) is { } why)
                    findings.Add(page, culture, width, $"{row.Where} \"{Shorten(row.Text)}\" ({why})");
            }
        });
        Assert.True(texts > loads * 10, $"only {texts} texts read on {loads} pages");
        findings.AssertNone(took, loads);
    }

    [Fact]
    public async Task The_main_action_of_each_portal_page_is_at_most_3_tab_presses_from_the_top()
    {
        var findings = new Findings(KnownFindingsOfOtherAreas.TabCount);
        var loads = 0;
        var took = await _walk.WalkAsync(["en"], SiteWalk.Viewports, async (page, culture, width) =>
        {
            loads++;
            // The main action: "Send" on the review page, elsewhere the first thing in main a keyboard can reach.
            var action = page.Route.EndsWith("/review", StringComparison.Ordinal) ? "main form[method=post] button" : null;
            var (presses, stops) = await TabsToMainActionAsync(_walk.Page, action);
            if (presses is null) findings.Add(page, culture, width, $"no main action ({action ?? "nothing focusable in main"})");
            else if (presses == int.MaxValue) findings.Add(page, culture, width, $"the main action is not reached in 8 Tab presses: {string.Join(" → ", stops)}");
            else if (presses > 3) findings.Add(page, culture, width, $"{presses} Tab presses to the main action: {string.Join(" → ", stops)}");
        }, page => page.Route.StartsWith("/portal", StringComparison.Ordinal) && page.Status == 200);
        findings.AssertNone(took, loads);
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
        await page.EvaluateAsync<bool>(mark, selector);
        await page.Keyboard.PressAsync("Tab");
        if (!await page.EvaluateAsync<bool>("() => document.activeElement?.matches('a.skip-link') ?? false")) return direct;
        await page.Keyboard.PressAsync("Enter");
        var skipped = await PressTabsAsync(page, target, 8);
        var viaSkipLink = (Presses: skipped.Presses == int.MaxValue ? int.MaxValue : skipped.Presses + 1, Stops: (IReadOnlyList<string>)["skip link", "Enter", .. skipped.Stops]);
        return viaSkipLink.Presses < direct.Presses ? viaSkipLink : direct;
    }

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
