using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Visits;

namespace CellTherapyCenter.Web.Features.Visits;

/// <summary>A visit as posted: measurements, the 13-item inventory, examination findings and patient-reported change.</summary>
public sealed class VisitInput
{
    public DateOnly? Date { get; set; }
    public VisitKind Kind { get; set; } = VisitKind.FollowUp;
    public Guid? TreatmentCourseId { get; set; }
    public double? FvcPercentPredicted { get; set; }
    public double? WeightKg { get; set; }
    public string? Notes { get; set; }
    public Guid ConcurrencyStamp { get; set; }
    /// <summary>
    /// Severity per symptom recorded; a missing key records nothing (a new form presets all 13, see
    /// <see cref="AllAbsent"/>; a stored visit shows only its rows in force, so a finding voided on its
    /// own is not brought back by the next save of the form).
    /// </summary>
    public Dictionary<AlsSymptom, SymptomSeverity> Symptoms { get; set; } = [];
    /// <summary>Only the domains examined; a missing key means not assessed.</summary>
    public Dictionary<ExaminationDomain, ExaminationChange?> Examination { get; set; } = [];
    /// <summary>Only the aspects asked; a missing key means not asked.</summary>
    public Dictionary<ChangeAspect, ChangeRating?> ReportedChange { get; set; } = [];

    public static Dictionary<AlsSymptom, SymptomSeverity> AllAbsent() => AlsSymptoms.All.ToDictionary(s => s, _ => SymptomSeverity.Absent);

    /// <summary>The severity the form shows for a symptom, null for none recorded.</summary>
    public SymptomSeverity? SeverityOf(AlsSymptom symptom) => Symptoms.TryGetValue(symptom, out var severity) ? severity : null;

    public static VisitInput From(Visit v) => new()
    {
        Date = v.Date, Kind = v.Kind, TreatmentCourseId = v.TreatmentCourseId, FvcPercentPredicted = v.FvcPercentPredicted,
        WeightKg = v.WeightKg, Notes = v.Notes, ConcurrencyStamp = v.ConcurrencyStamp,
        Symptoms = v.Symptoms.Where(o => o.VoidedAt == null).GroupBy(o => o.Symptom).ToDictionary(g => g.Key, g => g.First().Severity),
        Examination = v.ExaminationFindings.Where(f => f.VoidedAt == null).ToDictionary(f => f.Domain, f => (ExaminationChange?)f.Change),
        ReportedChange = v.ReportedChanges.Where(c => c.VoidedAt == null).ToDictionary(c => c.Aspect, c => (ChangeRating?)c.Rating),
    };

    /// <summary>
    /// Copies the input onto the visit, updating child rows in place and voiding the ones no longer
    /// given. Returns the rows it created, for the caller to add to the context: a row with its id
    /// already set, found in the collection of a stored visit, would otherwise be taken for an
    /// existing one and never inserted.
    /// </summary>
    public IReadOnlyList<RegistryRecord> ApplyTo(Visit v, DateTime now, string? user)
    {
        var created = new List<RegistryRecord>();
        T Created<T>(T row) where T : RegistryRecord
        {
            created.Add(row);
            return row;
        }
        v.Date = Date!.Value; v.Kind = Kind; v.TreatmentCourseId = TreatmentCourseId;
        v.FvcPercentPredicted = FvcPercentPredicted; v.WeightKg = WeightKg; v.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();

        foreach (var (symptom, severity) in Symptoms)
        {
            var row = v.Symptoms.FirstOrDefault(s => s.Symptom == symptom && s.VoidedAt == null);
            if (row is null) v.Symptoms.Add(Created(new SymptomObservation { VisitId = v.Id, PatientId = v.PatientId, Symptom = symptom, Severity = severity }));
            else row.Severity = severity;
        }
        Sync(v.ExaminationFindings, Given(Examination), f => f.Domain, (f, change) => f.Change = change,
            (domain, change) => Created(new ExaminationFinding { VisitId = v.Id, PatientId = v.PatientId, Domain = domain, Change = change }), now, user);
        Sync(v.ReportedChanges, Given(ReportedChange), c => c.Aspect, (c, rating) => c.Rating = rating,
            (aspect, rating) => Created(new PatientReportedChange { VisitId = v.Id, PatientId = v.PatientId, Aspect = aspect, Rating = rating }), now, user);
        return created;
    }

    private static Dictionary<TKey, TValue> Given<TKey, TValue>(Dictionary<TKey, TValue?> posted) where TKey : notnull where TValue : struct =>
        posted.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!.Value);

    private static void Sync<TRow, TKey, TValue>(List<TRow> rows, Dictionary<TKey, TValue> wanted, Func<TRow, TKey> key,
        Action<TRow, TValue> set, Func<TKey, TValue, TRow> create, DateTime now, string? user)
        where TRow : RegistryRecord where TKey : notnull
    {
        foreach (var row in rows.Where(r => r.VoidedAt == null).ToList())
        {
            if (wanted.TryGetValue(key(row), out var value)) set(row, value);
            else row.Void("Removed from the visit form", user, now);
        }
        foreach (var (k, value) in wanted.Where(w => !rows.Any(r => r.VoidedAt == null && EqualityComparer<TKey>.Default.Equals(key(r), w.Key))))
            rows.Add(create(k, value));
    }
}
