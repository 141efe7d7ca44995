using System.Globalization;
using CellTherapyCenter.Data.Cohorts;
using CellTherapyCenter.Data.Patients;
using CsvHelper;
using static CellTherapyCenter.Web.Features.ProAct.ProActLayout;

namespace CellTherapyCenter.Web.Features.ProAct;

/// <summary>Writes cohort rows as the six PRO-ACT files, with the columns of <see cref="ProActLayout.Columns"/> in their order.</summary>
public static class ProActWriter
{
    /// <summary>Writes every file (a file with a header only where there are no rows); returns the rows written per file.</summary>
    public static async Task<SortedDictionary<string, int>> WriteAsync(string directory, IReadOnlyList<ExternalCohortSubject> subjects,
        IReadOnlyList<ExternalCohortAlsfrs> alsfrs, IReadOnlyList<ExternalCohortFvc> fvc, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var ids = subjects.ToDictionary(s => s.Id, s => s.SubjectId);
        var rows = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var ordered = subjects.OrderBy(s => s.SubjectId, StringComparer.Ordinal).ToList();
        rows[Demographics] = await WriteFileAsync(directory, Demographics, ordered
            .Where(s => s.DemographicsOn is not null || s.Age is not null || s.Sex is not null)
            .Select(s => new object?[] { s.SubjectId, Day(s.DemographicsOn), s.Age, SexText(s.Sex) }), ct);
        rows[AlsHistory] = await WriteFileAsync(directory, AlsHistory, ordered
            .Where(s => s.SiteOfOnset is not null || s.OnsetOn is not null || s.DiagnosedOn is not null)
            .Select(s => new object?[] { s.SubjectId, s.SiteOfOnset, Day(s.OnsetOn), Day(s.DiagnosedOn) }), ct);
        rows[Alsfrs] = await WriteFileAsync(directory, Alsfrs, alsfrs
            .OrderBy(r => ids[r.SubjectId], StringComparer.Ordinal).ThenBy(r => r.AssessedOn)
            .Select(r => new object?[]
            {
                ids[r.SubjectId], Day(r.AssessedOn), r.Q1, r.Q2, r.Q3, r.Q4, r.Q5a, r.Q5b, r.Q5, r.Q6, r.Q7, r.Q8, r.Q9, r.Q10,
                r.R1, r.R2, r.R3, r.AlsfrsTotal, r.AlsfrsRTotal, r.Mode, r.RespondedBy,
            }), ct);
        rows[Fvc] = await WriteFileAsync(directory, Fvc, fvc
            .OrderBy(r => ids[r.SubjectId], StringComparer.Ordinal).ThenBy(r => r.MeasuredOn)
            .Select(r => new object?[]
            {
                ids[r.SubjectId], Day(r.MeasuredOn), r.Litres1, r.PercentPredicted1, r.Litres2, r.PercentPredicted2, r.Litres3, r.PercentPredicted3,
            }), ct);
        rows[DeathData] = await WriteFileAsync(directory, DeathData, ordered
            .Where(s => s.Died is not null || s.DiedOn is not null)
            .Select(s => new object?[] { s.SubjectId, YesNo(s.Died), Day(s.DiedOn) }), ct);
        rows[Riluzole] = await WriteFileAsync(directory, Riluzole, ordered
            .Where(s => s.UsedRiluzole is not null || s.RiluzoleFrom is not null)
            .Select(s => new object?[] { s.SubjectId, YesNo(s.UsedRiluzole), Day(s.RiluzoleFrom) }), ct);
        return rows;
    }

    private static int? Day(DateOnly? date) => date is { } d ? DaysOf(d) : null;

    private static string? SexText(Sex? sex) => sex switch
    {
        Sex.Male => "Male",
        Sex.Female => "Female",
        _ => null,
    };

    private static string? YesNo(bool? value) => value switch
    {
        true => "Yes",
        false => "No",
        null => null,
    };

    private static async Task<int> WriteFileAsync(string directory, string file, IEnumerable<object?[]> records, CancellationToken ct)
    {
        await using var writer = new StreamWriter(Path.Combine(directory, file), append: false, new System.Text.UTF8Encoding(false));
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in Columns[file]) csv.WriteField(column);
        await csv.NextRecordAsync();
        var count = 0;
        foreach (var record in records)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var value in record)
                csv.WriteField(value switch
                {
                    null => "",
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                });
            await csv.NextRecordAsync();
            count++;
        }
        return count;
    }
}
