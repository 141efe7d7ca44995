using System.Diagnostics;
using System.Text.RegularExpressions;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Browser.Tests.CrossPage;

/// <summary>One page of the walk: the address to open (without the language), the route it stands for, and the status it answers with.</summary>
public sealed record WalkPage(string Path, string Route, bool SignedIn, int Status = 200)
{
    /// <summary>The address in a language, e.g. /als?culture=uk.</summary>
    public string Url(string culture) => Path + (Path.Contains('?') ? '&' : '?') + "culture=" + culture;
}

/// <summary>The two halves of the site the walk covers, each walked in its own test collection (so the two run side by side).</summary>
public enum SitePart
{
    /// <summary>The public site, its 404 included, on the demo registry (its cases and content).</summary>
    Public,

    /// <summary>The patient portal: its pages before sign-in, then signed in.</summary>
    Portal,
}

/// <summary>
/// Every public or every portal page (<see cref="SitePart"/>) a family or patient meets, in each
/// language and at phone and desktop width, in ONE browser context: the public pages (and their
/// 404) without cookies; or the portal's pages before sign-in, then signed in as a patient who has
/// sent one ALSFRS-R and has a second one answered and waiting to be sent. The pages are read from the app's routes, so a new public or portal page is
/// walked without changing this file; a new page with a route parameter fails
/// <see cref="PrepareAsync"/> until it is given an address here.
/// </summary>
public sealed partial class SiteWalk
{
    public static readonly string[] Cultures = ["en", "uk", "sr-Latn"];
    public static readonly string[] TranslatedCultures = ["uk", "sr-Latn"];

    /// <summary>A phone (as in the issue: 360 × 740 at device scale 2) and a desktop.</summary>
    public static readonly (int Width, int Height)[] Viewports = [(360, 740), (1280, 900)];

    /// <summary>Routes not walked, with why. Each is covered elsewhere.</summary>
    private static readonly Dictionary<string, string> NotWalked = new()
    {
        ["/portal/sign-out"] = "a form post, no page",
        ["/request-information/sent/{reference}"] = "needs a sent request: Inquiries/RequestFormBrowserTests",
        ["/error/{status:int?}"] = "walked as the 404 of an unknown address",
    };

    private readonly IBrowserContext _context;
    private IReadOnlyList<BrowserContextCookiesResult> _portalCookies = [];

    private SiteWalk(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }
    public IReadOnlyList<WalkPage> Pages { get; private set; } = [];
    public PageErrors Errors { get; private set; } = null!;

    /// <summary>A context at device scale 2 (phone-sharp; the CSS pixels are what the checks measure), the portal patient signed in, and the page list.</summary>
    public static async Task<SiteWalk> PrepareAsync(ChromiumBrowser chromium, BrowserApp app, SitePart part)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = Viewports[1].Width, Height = Viewports[1].Height },
            DeviceScaleFactor = 2,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var walk = new SiteWalk(context, await context.NewPageAsync());
        walk.Errors = PageErrors.Watch(walk.Page);
        // The pages and the patient are arranged once per app; each test's walk reuses them.
        if (Arranged.TryGetValue((app, part), out var arranged)) (walk.Pages, walk._portalCookies) = arranged;
        else
        {
            await walk.ArrangeAsync(app, part);
            Arranged[(app, part)] = (walk.Pages, walk._portalCookies);
        }
        return walk;
    }

    private static readonly Dictionary<(BrowserApp, SitePart), (IReadOnlyList<WalkPage>, IReadOnlyList<BrowserContextCookiesResult>)> Arranged = [];

    public Task DisposeAsync() => _context.CloseAsync();

    /// <summary>
    /// Opens each page in each of the cultures at each of the widths and runs the check on it,
    /// public pages without cookies first, then the portal's signed in. Fails on a page that
    /// answers with another status. Returns the time the walk took.
    /// </summary>
    public async Task<TimeSpan> WalkAsync(IReadOnlyList<string> cultures, IReadOnlyList<(int Width, int Height)> viewports,
        Func<WalkPage, string, int, Task> check, Func<WalkPage, bool>? which = null)
    {
        var clock = Stopwatch.StartNew();
        foreach (var signedIn in new[] { false, true })
        {
            await _context.ClearCookiesAsync();
            if (signedIn) await _context.AddCookiesAsync(_portalCookies.Select(c => new Cookie
            {
                Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
            }));
            var pages = Pages.Where(p => p.SignedIn == signedIn && (which?.Invoke(p) ?? true)).ToList();
            foreach (var (width, height) in viewports)
            {
                await Page.SetViewportSizeAsync(width, height);
                foreach (var culture in cultures)
                    foreach (var page in pages)
                    {
                        var response = await Page.GotoAsync(page.Url(culture));
                        Assert.True(response?.Status == page.Status, $"{page.Url(culture)} answered {response?.Status}, not {page.Status}");
                        await check(page, culture, width);
                    }
            }
        }
        return clock.Elapsed;
    }

    private async Task ArrangeAsync(BrowserApp app, SitePart part)
    {
        var routes = PageRoutes(app);
        var pages = new List<WalkPage>();
        var unknown = new List<string>();
        if (part == SitePart.Public) await ArrangePublicAsync(routes, pages, unknown);
        else await ArrangePortalAsync(app, routes, pages, unknown);
        if (unknown.Count > 0)
            throw new InvalidOperationException("Pages with route parameters the walk cannot open yet (give them an address in SiteWalk): " + string.Join(", ", unknown));
        Pages = pages;
        _portalCookies = await _context.CookiesAsync();
    }

    /// <summary>The public pages, without cookies.</summary>
    private async Task ArrangePublicAsync(List<string> routes, List<WalkPage> pages, List<string> unknown)
    {
        await Page.GotoAsync("/cases");
        var firstCase = await Page.Locator("main a[href^='/cases/']").First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException("The case list links no case (is the demo content seeded?)");
        foreach (var route in routes)
        {
            if (NotWalked.ContainsKey(route)) continue;
            if (route.StartsWith("/portal", StringComparison.Ordinal)) continue;
            if (route == "/cases/{slug}") pages.Add(new(firstCase, route, false));
            else if (route.Contains('{')) unknown.Add(route);
            else pages.Add(new(route, route, false));
        }
        pages.Add(new("/no-such-page", "/error/{status:int?}", false, 404));
    }

    /// <summary>The portal's pages before sign-in, then signed in as a patient with a course 60 days ago (so the change question is due).</summary>
    private async Task ArrangePortalAsync(BrowserApp app, List<string> routes, List<WalkPage> pages, List<string> unknown)
    {
        var invitation = await InvitationTokenAsync(app);
        pages.Add(new("/portal/sign-in", "/portal/sign-in", false));
        pages.Add(new($"/portal/invitation?token={invitation}", "/portal/invitation", false));
        pages.Add(new("/portal/invitation?token=no-such-token", "/portal/invitation", false));

        var (patientId, _, email) = await PortalTestKit.PatientWithAccountAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.TreatmentCourses.Add(new TreatmentCourse { PatientId = patientId, StartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60) });
            db.Consents.Add(new ConsentRecord { PatientId = patientId, Kind = ConsentKind.HealthDataProcessing, Wording = "I agree that the clinic records and processes my health data.", GivenAt = DateTime.UtcNow.AddDays(-70) });
            await db.SaveChangesAsync();
            return 0;
        });
        await Page.GotoAsync("/portal/sign-in");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(RegistryAppFactory.TestPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");

        // The ALSFRS-R answered and sent; then the change question answered and waiting on its review page.
        var sent = await AnswerQuestionnaireAsync(formIndex: 0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send to the clinic" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.EndsWith("/sent", StringComparison.Ordinal));
        var waiting = await AnswerQuestionnaireAsync(formIndex: 1);
        await Page.GotoAsync("/portal/documents");
        var document = await Page.Locator("main ul a").First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException("The documents page lists no document.");

        foreach (var route in routes.Where(r => r.StartsWith("/portal", StringComparison.Ordinal)))
        {
            if (NotWalked.ContainsKey(route) || pages.Any(p => p.Route == route)) continue;
            switch (route)
            {
                case "/portal/questionnaires/{id:guid}/{step:int?}":
                    pages.Add(new(waiting, route, true));
                    pages.Add(new($"{waiting}/4", route, true)); // the yes/no feeding-tube question
                    break;
                case "/portal/questionnaires/{id:guid}/review": pages.Add(new($"{waiting}/review", route, true)); break;
                case "/portal/questionnaires/{id:guid}/sent": pages.Add(new($"{sent}/sent", route, true)); break;
                case "/portal/documents/{consentId:guid?}":
                    pages.Add(new("/portal/documents", route, true));
                    pages.Add(new(document, route, true));
                    break;
                default:
                    if (route.Contains('{')) unknown.Add(route);
                    else pages.Add(new(route, route, true));
                    break;
            }
        }
    }

    /// <summary>Starts the questionnaire of the home page's n-th form, answers every question on one page, saves; leaves the page on its review. Returns its address.</summary>
    private async Task<string> AnswerQuestionnaireAsync(int formIndex)
    {
        await Page.GotoAsync("/portal");
        await Page.Locator("main form").Nth(formIndex).Locator("button").ClickAsync();
        await Page.WaitForURLAsync(QuestionUrl());
        var questionnaire = new Uri(Page.Url).AbsolutePath;
        var showAll = Page.GetByRole(AriaRole.Button, new() { Name = "Show all questions on one page" });
        if (await showAll.CountAsync() > 0) // the first time; the account remembers the choice
        {
            await showAll.ClickAsync();
            await Page.WaitForLoadStateAsync();
        }
        foreach (var group in await Page.Locator("main form fieldset").AllAsync())
            await group.Locator("input[type=radio]").Last.CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.EndsWith("/review", StringComparison.Ordinal));
        return questionnaire;
    }

    /// <summary>A new patient invited to the portal: the token of the invitation link in the email sent.</summary>
    internal static async Task<string> InvitationTokenAsync(BrowserApp app)
    {
        var email = $"invited-{Guid.NewGuid():N}@example.org";
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CellTherapyCenter.Data.RegistryDbContext>();
            var patient = Arrange.Patient("Invited");
            db.Patients.Add(patient);
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<PortalInvitations>().InviteAsync(patient.Id, PortalRole.Patient, "Ana", email, "en", "test", default);
            await db.SaveChangesAsync();
        }
        var body = await app.WithDbAsync(db => db.OutboundEmails.Where(m => m.ToAddress == email).Select(m => m.TextBody).SingleAsync());
        return Regex.Match(global::CellTherapyCenter.Web.Infrastructure.Email.OutboxPrivacy.Reveal(app.Services, body), "token=([A-Za-z0-9_-]+)").Groups[1].Value;
    }

    /// <summary>The app's page routes outside the staff area (public and portal), not its files or form posts.</summary>
    private static List<string> PageRoutes(BrowserApp app) => app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null || e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
        .Where(p => !p.StartsWith("/staff", StringComparison.Ordinal) && !p.StartsWith("/api", StringComparison.Ordinal))
        .Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex("/portal/questionnaires/[0-9a-f-]{36}$")]
    private static partial Regex QuestionUrl();
}
