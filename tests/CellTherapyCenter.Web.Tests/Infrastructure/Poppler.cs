using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>
/// A PDF's pages as poppler renders them (poppler-utils, which test.sh installs): each page drawn to
/// PNG by pdftoppm and its text read by pdftotext, page by page.
/// </summary>
public static partial class Poppler
{
    public sealed record Page(string Png, string Text);

    /// <summary>Set to a folder to keep the PNG pages that <see cref="Pages"/> renders without a folder of its own.</summary>
    public const string KeepVariable = "CTC_PDF_PAGES";

    /// <param name="keepIn">A folder to keep the PNGs in, named <c>{stem}-{n}.png</c>; none: a scratch folder (or CTC_PDF_PAGES), deleted after.</param>
    public static List<Page> Pages(byte[] pdf, string? keepIn = null, string stem = "page", int dpi = 30)
    {
        var fromVariable = Environment.GetEnvironmentVariable(KeepVariable) is { Length: > 0 } v
            ? Directory.CreateDirectory(Path.Combine(v, Guid.NewGuid().ToString("N")[..8])).FullName : null;
        var keep = keepIn ?? fromVariable;
        if (keep is not null) Directory.CreateDirectory(keep);
        var work = ScratchDirectory.Create("ctc-pdf-");
        try
        {
            var file = Path.Combine(work, "document.pdf");
            File.WriteAllBytes(file, pdf);
            Run("pdftoppm", "-r", (keep is null ? dpi : Math.Max(dpi, 100)).ToString(CultureInfo.InvariantCulture), "-png", file, Path.Combine(work, "page"));
            var pngs = Directory.GetFiles(work, "page-*.png")
                .OrderBy(f => int.Parse(PageNumber().Match(f).Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            var pages = new List<Page>();
            for (var i = 0; i < pngs.Count; i++)
            {
                var n = (i + 1).ToString(CultureInfo.InvariantCulture);
                if (!File.ReadAllBytes(pngs[i]).AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }))
                    throw new InvalidOperationException($"pdftoppm wrote no PNG for page {n}");
                var png = keep is null ? pngs[i] : Path.Combine(keep, $"{stem}-{n}.png");
                if (keep is not null) File.Copy(pngs[i], png, overwrite: true);
                pages.Add(new Page(png, Run("pdftotext", "-layout", "-enc", "UTF-8", "-f", n, "-l", n, file, "-")));
            }
            return pages;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (is poppler-utils installed?)");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error.Result}");
        return output.Result;
    }

    [GeneratedRegex(@"page-(\d+)\.png$")]
    private static partial Regex PageNumber();
}
