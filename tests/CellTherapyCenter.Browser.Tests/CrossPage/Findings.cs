using System.Text;

namespace CellTherapyCenter.Browser.Tests.CrossPage;

/// <summary>
/// What one cross-page test found, page by page, so that a failure lists every page and finding
/// at once rather than the first. Findings on the list of <see cref="KnownFindingsOfOtherAreas"/>
/// are kept apart and do not fail; an entry of that list that matched nothing does.
/// </summary>
public sealed class Findings(string concern)
{
    private readonly List<string> _failing = [];
    private readonly List<string> _known = [];
    private readonly HashSet<KnownFinding> _matched = [];

    public void Add(WalkPage page, string culture, int width, string finding)
    {
        var line = $"{page.Url(culture)} at {width} px: {finding}";
        var known = KnownFindingsOfOtherAreas.All.FirstOrDefault(k => k.Matches(concern, page, finding));
        if (known is null)
        {
            _failing.Add(line);
            return;
        }
        _matched.Add(known);
        _known.Add($"{line}  [known, {known.Owner}]");
    }

    /// <summary>One walk's concerns: prints each one's summary, then fails listing the findings of every concern that has any, or an entry of the known list that matched nothing.</summary>
    public static void AssertNone(TimeSpan took, int loads, IReadOnlyList<(Findings Findings, int Checks)> concerns)
    {
        Console.WriteLine($"{loads} page loads in {took.TotalSeconds:0.0} s");
        var failures = concerns.Select(c => c.Findings.Failure(took, c.Checks)).OfType<string>().ToList();
        if (failures.Count > 0) Assert.Fail(string.Join(Environment.NewLine + Environment.NewLine, failures));
    }

    /// <summary>The failure message listing every finding (and the known ones after them) and every stale entry of the known list; null when there is none.</summary>
    private string? Failure(TimeSpan took, int checks)
    {
        var stale = KnownFindingsOfOtherAreas.All.Where(k => k.Concern == concern && !_matched.Contains(k)).ToList();
        var summary = $"{concern}: {checks} page checks in {took.TotalSeconds:0.0} s";
        Console.WriteLine(summary + (_known.Count > 0 ? $", {_known.Count} known finding(s)" : ""));
        if (_failing.Count == 0 && stale.Count == 0) return null;
        var text = new StringBuilder($"{summary}; {_failing.Count} finding(s):");
        foreach (var line in _failing) text.AppendLine().Append("  - ").Append(line);
        foreach (var line in _known) text.AppendLine().Append("  - ").Append(line);
        foreach (var entry in stale) text.AppendLine().Append($"  - the known finding {entry} matched nothing: delete it from KnownFindingsOfOtherAreas");
        return text.ToString();
    }
}
