using System.Text;

namespace CellTherapyCenter.Browser.Tests.Infrastructure;

/// <summary>
/// Full-page screenshots at phone and desktop width, for looking at a page without running the
/// app. Written only when env CTC_SCREENSHOTS names a folder (a screenshot of a long page at
/// device scale 2 takes a second or more, and CI looks at none of them), as
/// {page path}-{width}.png (e.g. staff-login-390.png).
/// </summary>
public static class Screenshots
{
    public const string FolderVariable = "CTC_SCREENSHOTS";
    public static readonly (int Width, int Height) Phone = (390, 844);
    public static readonly (int Width, int Height) Desktop = (1280, 800);

    /// <summary>Whether screenshots are wanted: CTC_SCREENSHOTS is set.</summary>
    public static bool Enabled => Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 };

    /// <summary>Where screenshots (and other files to look at, such as a rendered PDF) go: CTC_SCREENSHOTS, else TestResults/screenshots in the test output folder.</summary>
    public static string Folder => Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Screenshots the page at both widths, then restores its viewport. Returns the files written (none unless <see cref="Enabled"/>).</summary>
    /// <param name="name">File name stem instead of the one from the page path (e.g. to tell two states of one page apart).</param>
    public static async Task<IReadOnlyList<string>> CaptureAsync(IPage page, string? name = null)
    {
        if (!Enabled) return [];
        var stem = name ?? FileStem(new Uri(page.Url));
        var folder = Folder;
        Directory.CreateDirectory(folder);
        var original = page.ViewportSize;
        var files = new List<string>();
        foreach (var (width, height) in new[] { Phone, Desktop })
        {
            await page.SetViewportSizeAsync(width, height);
            var file = Path.Combine(folder, $"{stem}-{width}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Animations = ScreenshotAnimations.Disabled });
            files.Add(file);
        }
        if (original is not null) await page.SetViewportSizeAsync(original.Width, original.Height);
        return files;
    }

    /// <summary>One screenshot of the page as it is now (its current width), as {name}.png; nothing unless <see cref="Enabled"/>.</summary>
    public static async Task TakeAsync(IPage page, string name, bool fullPage = true)
    {
        if (!Enabled) return;
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
    }

    /// <summary>"/staff/login" becomes "staff-login", "/" becomes "home"; only letters, digits and dashes.</summary>
    public static string FileStem(Uri url)
    {
        var stem = new StringBuilder();
        foreach (var c in url.AbsolutePath.Trim('/').ToLowerInvariant())
            stem.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        return stem.Length == 0 ? "home" : stem.ToString();
    }
}
