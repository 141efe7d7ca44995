namespace CellTherapyCenter.Web.Infrastructure.Sessions;

/// <summary>
/// A short, bounded description of the device a sign-in came from, for the user's own list of
/// sessions: the browser's and the operating system's family, read from the User-Agent at sign-in.
/// Only names from the fixed lists below are ever returned (or null), so whatever a client sends,
/// nothing it typed is stored.
/// </summary>
public static class DeviceNames
{
    /// <summary>The longest User-Agent read; longer ones are looked at only up to here.</summary>
    private const int MaxRead = 512;

    // Order matters: browsers built on Chrome name Chrome too, and Chrome names Safari.
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"),
        ("YaBrowser/", "Yandex Browser"), ("Vivaldi/", "Vivaldi"), ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"), ("HeadlessChrome/", "Chrome"), ("Chromium/", "Chromium"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
    ];

    private static readonly (string Token, string Name)[] Platforms =
    [
        ("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("CrOS", "ChromeOS"),
        ("Macintosh", "macOS"), ("Mac OS X", "macOS"), ("Linux", "Linux"),
    ];

    /// <summary>The browser's family, or null when the User-Agent names none this list knows.</summary>
    public static string? Browser(string? userAgent) => Find(userAgent, Browsers);

    /// <summary>The operating system's family, or null when the User-Agent names none this list knows.</summary>
    public static string? Platform(string? userAgent) => Find(userAgent, Platforms);

    private static string? Find(string? userAgent, (string Token, string Name)[] names)
    {
        if (string.IsNullOrEmpty(userAgent)) return null;
        var text = userAgent.AsSpan(0, Math.Min(userAgent.Length, MaxRead));
        foreach (var (token, name) in names)
            if (text.Contains(token, StringComparison.Ordinal)) return name;
        return null;
    }
}
