namespace CellTherapyCenter.Browser.Tests.Infrastructure;

/// <summary>
/// One headless Chromium per test collection (a collection fixture): Debian's /usr/bin/chromium,
/// installed by ./test.sh with apt, never Playwright's own download. Tests open a fresh context
/// each (<see cref="PageTest"/>), so cookies and storage never leak between tests.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string DefaultExecutable = "/usr/bin/chromium";
    /// <summary>Overrides <see cref="DefaultExecutable"/> (e.g. on a developer machine without Debian's package).</summary>
    public const string ExecutableVariable = "CTC_CHROMIUM";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started yet.");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } path ? path : DefaultExecutable;
        if (!File.Exists(executable))
            throw new InvalidOperationException(
                $"No Chromium at {executable}. Run ./test.sh (installs it with apt-get) or set {ExecutableVariable}.");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Arguments,
        });
    }

    /// <summary>A fresh context (own cookies and storage) at desktop size whose relative URLs resolve against the app.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = Screenshots.Desktop.Width, Height = Screenshots.Desktop.Height },
            Locale = "en-GB",
        });
        // Every page is local and server-rendered, so a passing test never waits long; the bound is
        // for a 2-core machine also running PostgreSQL, other test processes and builds; only a
        // failing test waits it out.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
