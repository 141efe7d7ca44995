using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.Patients;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Assessments;

/// <summary>
/// The chart's ALSFRS-R summary: the latest complete assessment is the patient's score and stage
/// (as <see cref="PatientSummaries"/> stores them); an incomplete one dated on or after it is
/// named beside it, with how many items it lacks, rather than hiding the complete one.
/// </summary>
public static class LatestAlsfrsR
{
    public sealed record IncompleteNote(DateOnly AssessedOn, int MissingItems, bool Newer)
    {
        public string Text => $"{(Newer ? "a newer" : "another")} incomplete assessment of {AssessedOn:yyyy-MM-dd} has "
            + (MissingItems == 1 ? "1 item missing" : $"{MissingItems} items missing") + " and is not counted";
    }

    /// <summary>The latest complete assessment among the chart's rows (oldest first), or null.</summary>
    public static ChartData.AssessmentRow? Complete(IReadOnlyList<ChartData.AssessmentRow> rows) =>
        rows.LastOrDefault(a => !a.Voided && a.Total is not null);

    /// <summary>
    /// The most recent incomplete assessment not older than the latest complete one (any, when none is
    /// complete), with its missing items counted from its stored answers; null when there is none.
    /// </summary>
    public static async Task<IncompleteNote?> IncompleteAfterAsync(RegistryDbContext db, IReadOnlyList<ChartData.AssessmentRow> rows, CancellationToken ct)
    {
        var complete = Complete(rows);
        var incomplete = rows.LastOrDefault(a => !a.Voided && a.Total is null && (complete is null || a.AssessedOn >= complete.AssessedOn));
        if (incomplete is null) return null;
        // Rare (an incomplete assessment is confirmed as such), so its answers are read only then.
        var answers = await db.AlsfrsRAssessments.AsNoTracking().Where(a => a.Id == incomplete.Id).SingleAsync(ct);
        return new IncompleteNote(incomplete.AssessedOn, AlsfrsRScore.Of(answers.Responses).MissingItems.Count,
            complete is null || incomplete.AssessedOn > complete.AssessedOn);
    }
}
