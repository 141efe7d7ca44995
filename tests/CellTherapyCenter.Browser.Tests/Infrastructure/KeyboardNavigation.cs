namespace CellTherapyCenter.Browser.Tests.Infrastructure;

/// <summary>Moving through a page with the keyboard alone, the way a keyboard or switch user does.</summary>
public static class KeyboardNavigation
{
    /// <summary>
    /// Presses Tab until the element matching the selector has focus, and returns the focus stops
    /// passed on the way. Fails, listing the stops, if it is not reached within maxPresses.
    /// </summary>
    public static async Task<IReadOnlyList<string>> TabToAsync(IPage page, string selector, int maxPresses = 20)
    {
        var target = page.Locator(selector);
        var stops = new List<string>();
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await HasFocusAsync(target)) return stops;
            stops.Add(await FocusedAsync(page));
        }
        Assert.Fail($"{selector} did not get focus within {maxPresses} Tab presses. Focus went: {string.Join(" → ", stops)}");
        return stops;
    }

    public static Task<bool> HasFocusAsync(ILocator element) => element.EvaluateAsync<bool>("e => e === document.activeElement");

    /// <summary>A short description of the focused element, e.g. "a 'Skip to main content'" or "input#Email".</summary>
    public static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return 'body';
          const text = (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
          return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (text ? " '" + text + "'" : '');
        }
        """);
}
