namespace CellTherapyCenter.Browser.Tests.CrossPage;

/// <summary>A finding the cross-page walk tolerates for now: the concern, the route, a piece of the finding's text, and who fixes it.</summary>
public sealed record KnownFinding(string Concern, string Route, string Contains, string Owner)
{
    public bool Matches(string concern, WalkPage page, string finding) =>
        Concern == concern && Route == page.Route && finding.Contains(Contains, StringComparison.Ordinal);
}

/// <summary>
/// THE LIST THE LEAD EMPTIES: findings of the cross-page tests (<see cref="CrossPageTests"/>) on
/// pages that another area of issue 17 owns and fixes. A finding listed here does not fail its
/// test; an entry that no longer matches anything does (delete it when its page is fixed). Keep
/// this the only such list.
/// </summary>
public static class KnownFindingsOfOtherAreas
{
    public const string Layout = "layout";
    public const string Axe = "axe";
    public const string Focus = "focus";
    public const string English = "english";
    public const string TabCount = "tab count";

    public static readonly IReadOnlyList<KnownFinding> All = [];
}
