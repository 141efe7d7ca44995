using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace CellTherapyCenter.Browser.Tests.Infrastructure;

/// <summary>
/// Accessibility scan of the page as it is now, with axe-core against WCAG 2.0, 2.1 and 2.2 A/AA.
/// Violations of impact serious or critical fail the test; minor and moderate ones are listed in
/// the returned result (and in the failure message when there is one) but do not fail it.
/// </summary>
public static class AxeAssert
{
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
    private static readonly HashSet<string> Failing = ["serious", "critical"];

    public static async Task<AxeResult> NoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = RunOnlyOptions.Tags(Tags) });
        var failing = result.Violations.Where(v => Failing.Contains(v.Impact ?? "")).ToList();
        if (failing.Count > 0) Assert.Fail(Describe(page.Url, failing, result.Violations.Except(failing).ToList()));
        return result;
    }

    /// <summary>One block per rule: id, impact, help and link, then each offending element's selector and what to fix.</summary>
    public static string Describe(string url, IReadOnlyList<AxeResultItem> failing, IReadOnlyList<AxeResultItem> others)
    {
        var text = new StringBuilder($"Axe found {failing.Count} serious or critical accessibility violation(s) on {url}:");
        foreach (var rule in failing)
        {
            text.AppendLine().Append($"- {rule.Id} ({rule.Impact}): {rule.Help}  {rule.HelpUrl}");
            foreach (var node in rule.Nodes)
            {
                text.AppendLine().Append($"    at {node.Target}");
                var fixes = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m));
                foreach (var fix in fixes.Distinct()) text.AppendLine().Append($"       {fix}");
            }
        }
        if (others.Count > 0)
            text.AppendLine().Append("Not failing (minor/moderate): ").Append(string.Join(", ", others.Select(r => $"{r.Id} ({r.Impact})")));
        return text.ToString();
    }
}
