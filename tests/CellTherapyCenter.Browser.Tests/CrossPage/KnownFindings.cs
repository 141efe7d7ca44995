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

    public static readonly IReadOnlyList<KnownFinding> All =
    [
        new(Layout, "/outcomes", "caption", "(outcomes): the results tables' captions sit inside the scroller and run off a phone screen"),
        new(Layout, "/cases/{slug}", "caption", "(plots): the ALSFRS-R table's caption sits inside the scroller and runs off a phone screen"),
        new(English, "/cases", "English words", "(site): demo case summaries (PatientCase.ClinicalPicture) are English only and carry no language"),
        new(English, "/cases/{slug}", "English words", "(plots, site): the case's clinical picture, meta description and demo note are English only"),
        new(English, "/patents", "Example:", "(site): demo patent titles are English only; Patent carries no language"),
        new(TabCount, "/portal/questionnaires/{id:guid}/review", "not reached", "(portal): \"Send\" first and focused on the review page"),
    ];
}
