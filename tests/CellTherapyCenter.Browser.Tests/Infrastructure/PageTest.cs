using CellTherapyCenter.Data.Identity;


namespace CellTherapyCenter.Browser.Tests.Infrastructure;

/// <summary>
/// Base of a browser test class: a fresh browser context and page per test (xunit makes a new
/// instance per test), relative URLs resolve against the app, and the page's console errors and
/// uncaught script errors are collected in <see cref="Errors"/> from the first navigation on.
/// </summary>
public abstract class PageTest(ChromiumBrowser chromium, BrowserApp app) : IAsyncLifetime
{
    private IBrowserContext? _context;
    private IPage? _page;
    private PageErrors? _errors;

    protected BrowserApp App => app;
    protected IBrowserContext Context => _context ?? throw NotStarted();
    protected IPage Page => _page ?? throw NotStarted();
    protected PageErrors Errors => _errors ?? throw NotStarted();

    public virtual async Task InitializeAsync()
    {
        _context = await chromium.NewContextAsync(app.BaseAddress);
        _page = await _context.NewPageAsync();
        _errors = PageErrors.Watch(_page);
    }

    /// <summary>A fresh context and page, as a new browser session (no cookies); the old context is closed.</summary>
    protected async Task NewContextAsync()
    {
        if (_context is not null) await _context.CloseAsync();
        _context = await chromium.NewContextAsync(app.BaseAddress);
        _page = await _context.NewPageAsync();
        _errors = PageErrors.Watch(_page);
    }

    public virtual async Task DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
    }

    /// <summary>
    /// Signs in as a staff user of the role (created on first use; the administrator is the app's
    /// own) by filling the sign-in form and clicking Sign in. Leaves the page where sign-in sends
    /// staff (the patient list). Cookies stay in this test's context only.
    /// </summary>
    protected async Task SignInAsync(string role = StaffRoles.Administrator)
    {
        var email = await app.StaffEmailAsync(role);
        await Page.GotoAsync("/staff/login");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(BrowserApp.TestPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/staff/login");
        }
        catch (TimeoutException)
        {
            var message = await Page.Locator("[role=alert], .field-validation-error").AllInnerTextsAsync();
            throw new InvalidOperationException($"Sign-in as {email} stayed on the sign-in page: {string.Join(" ", message)}");
        }
    }

    private static InvalidOperationException NotStarted() => new("The page test has not been initialised.");
}
