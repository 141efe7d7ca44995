using System.Collections.Concurrent;

namespace CellTherapyCenter.Browser.Tests.Infrastructure;

/// <summary>
/// Collects what a page reports as broken: console errors (failed resource loads, Content-Security-
/// Policy violations, logged errors) and uncaught script exceptions. Watch a page before navigating.
/// </summary>
public sealed class PageErrors
{
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly IPage _page;

    private PageErrors(IPage page) => _page = page;

    public static PageErrors Watch(IPage page)
    {
        var errors = new PageErrors(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") errors._errors.Enqueue($"console error ({message.Location}): {message.Text}");
        };
        page.PageError += (_, error) => errors._errors.Enqueue($"uncaught script error: {error}");
        return errors;
    }

    public IReadOnlyList<string> All => [.. _errors];

    /// <summary>
    /// Waits until the page's network is quiet (late loads such as the favicon report their
    /// failures then), and fails the test, listing every error seen, if there is any.
    /// </summary>
    public async Task AssertNoneAsync()
    {
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var all = All;
        if (all.Count > 0)
            Assert.Fail($"The page reported {all.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, all.Select(e => "  - " + e)));
    }
}
