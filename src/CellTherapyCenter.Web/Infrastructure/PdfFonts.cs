using PdfSharp.Fonts;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// The app's one PDFsharp font resolver. PDFsharp 6 has no font lookup of its own on Linux and
/// takes one resolver per process, set before its first use, so every PDF the app draws (the
/// patient summary, the demo publication) asks this one.
/// <para>
/// <see cref="Sans"/> is a sans-serif face from the machine, looked for under the usual font
/// folders: DejaVu Sans, then Liberation Sans, then Noto Sans (each covers Latin with the Serbian
/// and Ukrainian letters and Cyrillic, e.g. "Petrović", "Шевченко"). On a machine without any of
/// them it falls back to the Segoe WP faces PDFsharp ships (<see cref="Embedded"/>), which cover the
/// same letters, so a PDF is drawn everywhere.
/// </para>
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    /// <summary>The family to ask for: a machine sans-serif face, or the shipped one.</summary>
    public const string Sans = "CTC Sans";
    /// <summary>The faces PDFsharp ships (PdfSharp.WPFonts): no font files needed.</summary>
    public const string Embedded = "Segoe WP";

    private const string SansRegular = "CTC Sans Regular", SansBold = "CTC Sans Bold";
    private const string EmbeddedRegular = "SegoeWP", EmbeddedBold = "SegoeWP-Bold";

    /// <summary>File names of regular and bold faces, in order of preference.</summary>
    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
        ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ];

    private static readonly PdfFonts Instance = new();
    private static readonly Lock Gate = new();

    private readonly Lazy<(byte[] Regular, byte[] Bold, string Source)> _sans = new(FindSans);

    private PdfFonts() { }

    /// <summary>Installs the resolver for the process (once; later calls do nothing).</summary>
    public static void Ensure()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = Instance;
            else if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
                throw new InvalidOperationException("Another PDFsharp font resolver was installed; the app's PDFs use PdfFonts only.");
        }
    }

    /// <summary>Where <see cref="Sans"/> comes from: a font file's path, or "PDFsharp's Segoe WP".</summary>
    public static string SansSource => Instance._sans.Value.Source;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        // Italic is drawn slanted from the upright face: the summary uses none, and it keeps one file per weight.
        if (string.Equals(familyName, Embedded, StringComparison.OrdinalIgnoreCase))
            return new FontResolverInfo(bold ? EmbeddedBold : EmbeddedRegular, false, italic);
        return new FontResolverInfo(bold ? SansBold : SansRegular, false, italic);
    }

    public byte[]? GetFont(string faceName) => faceName switch
    {
        SansRegular => _sans.Value.Regular,
        SansBold => _sans.Value.Bold,
        EmbeddedBold => PdfSharp.WPFonts.FontDataHelper.SegoeWPBold,
        _ => PdfSharp.WPFonts.FontDataHelper.SegoeWP,
    };

    private static (byte[] Regular, byte[] Bold, string Source) FindSans()
    {
        var files = FontFolders().SelectMany(folder => Directory.EnumerateFiles(folder, "*.ttf",
                new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive }))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key!, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var (regular, bold) in Candidates)
            if (files.TryGetValue(regular, out var r) && files.TryGetValue(bold, out var b))
                return (File.ReadAllBytes(r), File.ReadAllBytes(b), r);
        return (PdfSharp.WPFonts.FontDataHelper.SegoeWP, PdfSharp.WPFonts.FontDataHelper.SegoeWPBold, "PDFsharp's Segoe WP");
    }

    private static IEnumerable<string> FontFolders()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] folders =
        [
            "/usr/share/fonts", "/usr/local/share/fonts",
            Path.Combine(home, ".local", "share", "fonts"), Path.Combine(home, ".fonts"),
            Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
        ];
        return folders.Where(f => f.Length > 0 && Directory.Exists(f)).Distinct();
    }
}
