using System.Globalization;
using CellTherapyCenter.Data.Cohorts;
using CellTherapyCenter.Data.Patients;
using CsvHelper;
using CsvHelper.Configuration;
using static CellTherapyCenter.Web.Features.ProAct.ProActLayout;

namespace CellTherapyCenter.Web.Features.ProAct;

/// <summary>A line the import refuses (nothing is stored) or skips (the rest is stored).</summary>
public sealed record ProActLine(string File, int Line, string Reason)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Reason}" : $"{File}: {Reason}";
}

/// <summary>Everything read from a PRO-ACT folder, checked, not yet stored.</summary>
public sealed class ProActData
{
    public List<ExternalCohortSubject> Subjects { get; } = [];
    public List<ExternalCohortAlsfrs> Alsfrs { get; } = [];
    public List<ExternalCohortFvc> Fvc { get; } = [];
    public List<ProActLine> Refused { get; } = [];
    public List<ProActLine> Skipped { get; } = [];
    public SortedDictionary<string, int> Rows { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, List<string>> IgnoredColumns { get; } = new(StringComparer.Ordinal);
    public List<string> MissingFiles { get; } = [];
}

/// <summary>
/// Reads the six PRO-ACT files of a folder into cohort rows, checking every line before anything
/// is stored: every refused line is collected (not only the first), so that one run names them all.
/// </summary>
public static class ProActReader
{
    /// <summary>
    /// The file of that name in the folder, its letter case aside when no file has it exactly
    /// (a download unpacked or renamed on Windows gives proact_alsfrs.csv): a file taken as missing
    /// would make an import of changed files replace the cohort without that file's rows.
    /// </summary>
    private static string? Locate(string directory, string file)
    {
        var exact = Path.Combine(directory, file);
        if (File.Exists(exact)) return exact;
        var matches = Directory.EnumerateFiles(directory)
            .Where(f => string.Equals(Path.GetFileName(f), file, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    public static ProActData Read(string directory)
    {
        var data = new ProActData();
        var subjects = new Dictionary<string, ExternalCohortSubject>(StringComparer.Ordinal);
        // Which line set each per-subject value, to name both lines of a conflict.
        var setBy = new Dictionary<(string Subject, string Column), (string Value, int Line)>();
        foreach (var file in Files)
        {
            if (Locate(directory, file) is not { } path) { data.MissingFiles.Add(file); data.Rows[file] = 0; continue; }
            var count = 0;
            ReadFile(path, file, data, row =>
            {
                count++;
                var id = row.Text(SubjectId);
                if (id is null) { row.Refuse("subject_id is empty"); return; }
                if (id.Length > Data.FieldLengths.Code) { row.Refuse($"subject_id is longer than {Data.FieldLengths.Code} characters"); return; }
                if (!subjects.TryGetValue(id, out var subject))
                    subjects[id] = subject = new ExternalCohortSubject { SubjectId = id };
                bool Differs(string column, string text)
                {
                    if (setBy.TryGetValue((id, column), out var earlier))
                    {
                        if (earlier.Value != text) row.Refuse($"{column} '{text}' differs from '{earlier.Value}' on line {earlier.Line} for subject {id}");
                        return true;
                    }
                    setBy[(id, column)] = (text, row.Line);
                    return false;
                }
                void Once<T>(string column, T? value, Action<T> set) where T : struct
                {
                    if (value is { } v && !Differs(column, Convert.ToString(v, CultureInfo.InvariantCulture)!)) set(v);
                }
                void OnceText(string column, string? value, Action<string> set)
                {
                    if (value is not null && !Differs(column, value)) set(value);
                }
                switch (file)
                {
                    case Demographics:
                        Once("Demographics_Delta", row.Day("Demographics_Delta"), d => subject.DemographicsOn = DateOf(d));
                        Once("Age", row.Number("Age", 0, 120), a => subject.Age = a);
                        Once("Sex", row.SexOf("Sex"), s => subject.Sex = s);
                        break;
                    case AlsHistory:
                        OnceText("Site_of_Onset", row.Label("Site_of_Onset"), s => { subject.SiteOfOnset = s; subject.OnsetSite = OnsetSiteOf(s); });
                        Once("Onset_Delta", row.Day("Onset_Delta"), d => subject.OnsetOn = DateOf(d));
                        Once("Diagnosis_Delta", row.Day("Diagnosis_Delta"), d => subject.DiagnosedOn = DateOf(d));
                        break;
                    case DeathData:
                        Once("Subject_Died", row.YesNo("Subject_Died"), d => subject.Died = d);
                        Once("Death_Days", row.Day("Death_Days"), d => subject.DiedOn = DateOf(d));
                        break;
                    case Riluzole:
                        Once("Subject_used_Riluzole", row.YesNo("Subject_used_Riluzole"), u => subject.UsedRiluzole = u);
                        Once("Riluzole_use_Delta", row.Day("Riluzole_use_Delta"), d => subject.RiluzoleFrom = DateOf(d));
                        break;
                    case Alsfrs:
                        AlsfrsRow(row, subject, data);
                        break;
                    case Fvc:
                        FvcRow(row, subject, data);
                        break;
                }
            });
            data.Rows[file] = count;
        }
        data.Subjects.AddRange(subjects.Values);
        return data;
    }

    private static void AlsfrsRow(ProActRow row, ExternalCohortSubject subject, ProActData data)
    {
        var day = row.Day("ALSFRS_Delta");
        var items = AlsfrsItems.Select(row.Item).ToArray();
        var total = row.Number("ALSFRS_Total", 0, 40);
        var totalR = row.Number("ALSFRS_R_Total", 0, 48);
        var mode = row.Label("Mode_of_Administration");
        var respondedBy = row.Label("ALSFRS_Responded_By");
        if (row.IsRefused) return;
        if (items.All(i => i is null) && total is null && totalR is null) { row.Skip("no item and no total"); return; }
        if (day is null) { row.Skip("no ALSFRS_Delta: the row cannot be placed in time"); return; }
        var revised = items[12] is not null || items[13] is not null || items[14] is not null || totalR is not null;
        var original = items[11] is not null || total is not null;
        data.Alsfrs.Add(new ExternalCohortAlsfrs
        {
            SubjectId = subject.Id,
            Scale = revised ? AlsfrsScale.AlsfrsR : original ? AlsfrsScale.Alsfrs : AlsfrsScale.Unspecified,
            AssessedOn = DateOf(day.Value),
            Q1 = items[0], Q2 = items[1], Q3 = items[2], Q4 = items[3], Q5a = items[4], Q5b = items[5], Q5 = items[6],
            Q6 = items[7], Q7 = items[8], Q8 = items[9], Q9 = items[10], Q10 = items[11], R1 = items[12], R2 = items[13], R3 = items[14],
            AlsfrsTotal = total,
            AlsfrsRTotal = totalR,
            Mode = mode,
            RespondedBy = respondedBy,
        });
    }

    private static void FvcRow(ProActRow row, ExternalCohortSubject subject, ProActData data)
    {
        var day = row.Day("Forced_Vital_Capacity_Delta");
        var values = new[]
        {
            row.Number("Subject_Liters_Trial_1", 0, 15), row.Number("pct_of_Normal_Trial_1", 0, 300),
            row.Number("Subject_Liters_Trial_2", 0, 15), row.Number("pct_of_Normal_Trial_2", 0, 300),
            row.Number("Subject_Liters_Trial_3", 0, 15), row.Number("pct_of_Normal_Trial_3", 0, 300),
        };
        if (row.IsRefused) return;
        if (values.All(v => v is null)) { row.Skip("no value"); return; }
        if (day is null) { row.Skip("no Forced_Vital_Capacity_Delta: the row cannot be placed in time"); return; }
        data.Fvc.Add(new ExternalCohortFvc
        {
            SubjectId = subject.Id,
            MeasuredOn = DateOf(day.Value),
            Litres1 = values[0], PercentPredicted1 = values[1],
            Litres2 = values[2], PercentPredicted2 = values[3],
            Litres3 = values[4], PercentPredicted3 = values[5],
        });
    }

    private static void ReadFile(string path, string file, ProActData data, Action<ProActRow> each)
    {
        string? badData = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => badData ??= "a quote inside an unquoted value, or text after a closing quote",
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = false,
        };
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, configuration);
        if (!parser.Read()) { data.Refused.Add(new ProActLine(file, 1, "the file is empty: a header row naming the columns is needed")); return; }
        var header = parser.Record!;
        var known = Columns[file];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (!known.Contains(header[i])) continue;
            if (!index.TryAdd(header[i], i)) data.Refused.Add(new ProActLine(file, 1, $"column {header[i]} is named twice"));
        }
        var ignored = header.Where(h => !known.Contains(h)).ToList();
        if (ignored.Count > 0) data.IgnoredColumns[file] = ignored;
        if (!index.ContainsKey(SubjectId)) { data.Refused.Add(new ProActLine(file, 1, "no subject_id column")); return; }
        try
        {
            while (parser.Read())
            {
                var line = parser.RawRow;
                var fields = parser.Record!;
                if (badData is not null)
                {
                    data.Refused.Add(new ProActLine(file, line, badData));
                    badData = null;
                    continue;
                }
                if (fields.Length != header.Length)
                {
                    data.Refused.Add(new ProActLine(file, line, $"{fields.Length} fields where the header has {header.Length} (a comma inside a value must be quoted)"));
                    continue;
                }
                each(new ProActRow(file, line, fields, index, data));
            }
        }
        catch (CsvHelperException e)
        {
            data.Refused.Add(new ProActLine(file, parser.RawRow, $"unreadable CSV ({e.GetType().Name}); the rest of the file is not read"));
        }
    }
}

/// <summary>One data line of a PRO-ACT file: typed values by column name, each fault recorded as a refusal of the line.</summary>
internal sealed class ProActRow(string file, int line, string[] fields, Dictionary<string, int> index, ProActData data)
{
    public int Line => line;
    public bool IsRefused { get; private set; }

    public void Refuse(string reason)
    {
        IsRefused = true;
        data.Refused.Add(new ProActLine(file, line, reason));
    }

    public void Skip(string reason) => data.Skipped.Add(new ProActLine(file, line, reason));

    /// <summary>The cell, trimmed; null when the column is absent or the cell empty.</summary>
    public string? Text(string column) =>
        index.TryGetValue(column, out var i) && fields[i].Trim() is { Length: > 0 } value ? value : null;

    public string? Label(string column)
    {
        var text = Text(column);
        if (text is { Length: > Data.FieldLengths.Label }) { Refuse($"{column} is longer than {Data.FieldLengths.Label} characters"); return null; }
        return text;
    }

    public double? Number(string column, double minimum, double maximum)
    {
        if (Text(column) is not { } text) return null;
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Refuse($"{column} '{text}' is not a number (a decimal point, no thousands separator)");
            return null;
        }
        if (value < minimum || value > maximum) { Refuse($"{column} {text} is outside {minimum}-{maximum}"); return null; }
        return value;
    }

    /// <summary>A whole number of days from day 0, within a century either way.</summary>
    public int? Day(string column)
    {
        var text = Text(column);
        var value = Number(column, -36_500, 36_500);
        if (value is null) return null;
        if (value != Math.Floor(value.Value)) { Refuse($"{column} {text} is not a whole number of days"); return null; }
        return (int)value.Value;
    }

    public int? Item(string column)
    {
        var text = Text(column);
        var value = Number(column, 0, 4);
        if (value is null) return null;
        if (value != Math.Floor(value.Value)) { Refuse($"{column} {text} is not a whole number from 0 to 4"); return null; }
        return (int)value.Value;
    }

    public bool? YesNo(string column) => Text(column) switch
    {
        null => null,
        var t when t.Equals("Yes", StringComparison.OrdinalIgnoreCase) => true,
        var t when t.Equals("No", StringComparison.OrdinalIgnoreCase) => false,
        var t => Refused<bool>($"{column} '{t}' is neither Yes nor No"),
    };

    public Sex? SexOf(string column) => Text(column) switch
    {
        null => null,
        var t when t.Equals("Male", StringComparison.OrdinalIgnoreCase) => Sex.Male,
        var t when t.Equals("Female", StringComparison.OrdinalIgnoreCase) => Sex.Female,
        var t => Refused<Sex>($"{column} '{t}' is neither Male nor Female"),
    };

    private T? Refused<T>(string reason) where T : struct
    {
        Refuse(reason);
        return null;
    }
}
