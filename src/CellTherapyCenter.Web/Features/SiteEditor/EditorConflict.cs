using CellTherapyCenter.Web.Infrastructure;

namespace CellTherapyCenter.Web.Features.SiteEditor;

/// <summary>
/// What an editor shows when someone else saved first: the usual message, the form refilled with
/// their version (so the next save has the current stamp), and every value this user typed,
/// read-only, so nothing typed is lost.
/// </summary>
public sealed record EditorConflict(IReadOnlyList<(string Label, string? Value)> Unsaved, string? Note = null)
{
    public string Message => FormConventions.ConcurrencyConflict;
}
