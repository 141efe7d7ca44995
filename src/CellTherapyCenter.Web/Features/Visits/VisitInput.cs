using CellTherapyCenter.Clinical.DataQuality;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;

namespace CellTherapyCenter.Web.Features.Visits;

/// <summary>A visit as posted: measurements, the 13-item inventory, examination findings and patient-reported change.</summary>
public sealed class VisitInput
{
    public DateOnly? Date { get; set; }
    public VisitKind Kind { get; set; } = VisitKind.FollowUp;
    public Guid? TreatmentCourseId { get; set; }
    public double? FvcPercentPredicted { get; set; }
    /// <summary>Why FVC has no value although it was asked for; refused together with a value.</summary>
    public MissingCode? FvcPercentPredictedMissing { get; set; }
    public double? WeightKg { get; set; }
    /// <summary>Why the weight has no value although it was asked for; refused together with a value.</summary>
    public MissingCode? WeightKgMissing { get; set; }
    [TextLimit(FieldLengths.Note)]
    public string? Notes { get; set; }
    public Guid ConcurrencyStamp { get; set; }
    /// <summary>The form status chosen; null lets the save decide (<see cref="EffectiveStatus"/>).</summary>
    public FormStatus? Status { get; set; }
    /// <summary>Why values outside the usual ranges are saved anyway.</summary>
    [TextLimit(FieldLengths.ShortNote)]
    public string? RangeWarningReason { get; set; }
    /// <summary>Posted by the "Save anyway" button: the warnings were seen.</summary>
    public bool SaveAnyway { get; set; }
    /// <summary>Severity per symptom; a symptom left alone (or not posted) is not assessed, never absent.</summary>
    public Dictionary<AlsSymptom, SymptomSeverity> Symptoms { get; set; } = AlsSymptoms.All.ToDictionary(s => s, _ => SymptomSeverity.NotAssessed);
    /// <summary>Only the domains examined; a missing key means not assessed.</summary>
    public Dictionary<ExaminationDomain, ExaminationChange?> Examination { get; set; } = [];
    /// <summary>Only the aspects asked; a missing key means not asked.</summary>
    public Dictionary<ChangeAspect, ChangeRating?> ReportedChange { get; set; } = [];

    /// <summary>The severity posted for a symptom; not assessed when none was.</summary>
    public SymptomSeverity SeverityOf(AlsSymptom symptom) => Symptoms.TryGetValue(symptom, out var severity) ? severity : SymptomSeverity.NotAssessed;

    /// <summary>
    /// What a complete visit would still need: FVC and weight each as a value or a missing code,
    /// and every symptom assessed. A remote visit records reported change only and needs none.
    /// </summary>
    public IReadOnlyList<string> MissingParts()
    {
        if (Kind == VisitKind.Remote) return [];
        var missing = new List<string>();
        if (FvcPercentPredicted is null && FvcPercentPredictedMissing is null) missing.Add("FVC (a value, or why it is missing)");
        if (WeightKg is null && WeightKgMissing is null) missing.Add("weight (a value, or why it is missing)");
        var notAssessed = AlsSymptoms.All.Count(s => !AlsSymptoms.IsAssessed(SeverityOf(s)));
        if (notAssessed > 0) missing.Add($"{notAssessed} of {AlsSymptoms.All.Count} symptoms not assessed");
        return missing;
    }

    /// <summary>The status chosen, or by default incomplete while parts are missing and unverified otherwise.</summary>
    public FormStatus EffectiveStatus => FormStatusRule.Effective(Status, MissingParts());

    public static VisitInput From(Visit v) => new()
    {
        Date = v.Date, Kind = v.Kind, TreatmentCourseId = v.TreatmentCourseId, FvcPercentPredicted = v.FvcPercentPredicted,
        FvcPercentPredictedMissing = v.FvcPercentPredictedMissing, WeightKg = v.WeightKg, WeightKgMissing = v.WeightKgMissing,
        Notes = v.Notes, ConcurrencyStamp = v.ConcurrencyStamp, Status = v.Status, RangeWarningReason = v.RangeWarningReason,
        Symptoms = AlsSymptoms.All.ToDictionary(s => s, s => v.Symptoms.FirstOrDefault(o => o.Symptom == s && o.VoidedAt == null)?.Severity ?? SymptomSeverity.NotAssessed),
        Examination = v.ExaminationFindings.Where(f => f.VoidedAt == null).ToDictionary(f => f.Domain, f => (ExaminationChange?)f.Change),
        ReportedChange = v.ReportedChanges.Where(c => c.VoidedAt == null).ToDictionary(c => c.Aspect, c => (ChangeRating?)c.Rating),
    };

    /// <summary>
    /// Copies the input onto the visit, updating child rows in place and voiding the ones no longer
    /// given. All 13 symptoms of a new visit get a row: one not answered is stored as not assessed.
    /// On a stored visit a symptom without a row stays without one until it is assessed, so voiding
    /// a finding on its own is not undone by the next save of the form. Returns the rows it created,
    /// for the caller to add to the context: a row with its id already set, found in the
    /// collection of a stored visit, would otherwise be taken for an existing one and never inserted.
    /// <paramref name="rangeWarningReason"/> is the reason kept for unusual values (null when there are none).
    /// </summary>
    public IReadOnlyList<RegistryRecord> ApplyTo(Visit v, bool isStored, DateTime now, string? user, string? rangeWarningReason)
    {
        var created = new List<RegistryRecord>();
        T Created<T>(T row) where T : RegistryRecord
        {
            created.Add(row);
            return row;
        }
        v.Date = Date!.Value; v.Kind = Kind; v.TreatmentCourseId = TreatmentCourseId;
        v.FvcPercentPredicted = FvcPercentPredicted; v.FvcPercentPredictedMissing = FvcPercentPredictedMissing;
        v.WeightKg = WeightKg; v.WeightKgMissing = WeightKgMissing;
        v.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        v.Status = EffectiveStatus;
        v.RangeWarningReason = rangeWarningReason;

        foreach (var symptom in AlsSymptoms.All)
        {
            var severity = SeverityOf(symptom);
            var row = v.Symptoms.FirstOrDefault(s => s.Symptom == symptom && s.VoidedAt == null);
            // On a stored visit a symptom with no row in force is already "not assessed" (never
            // recorded, or its row voided on its own): no row is added until it is assessed.
            if (row is null && severity == SymptomSeverity.NotAssessed && isStored) continue;
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
