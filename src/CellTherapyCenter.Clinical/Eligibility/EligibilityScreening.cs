using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Diagnosis;

namespace CellTherapyCenter.Clinical.Eligibility;

public enum Indication
{
    [Display(Name = "Confirmed diagnosis")]
    ConfirmedDiagnosis,
    [Display(Name = "Documented progression")]
    DocumentedProgression,
    [Display(Name = "No response to existing treatment")]
    NoResponseToExistingTreatment,
}

public enum IndicationStatus
{
    Met,
    [Display(Name = "Not met")]
    NotMet,
    /// <summary>The registry lacks the data to decide; a physician must.</summary>
    [Display(Name = "Not determined")]
    NotDetermined,
}

/// <summary>The clinic's former contraindications (before 2000), now risk flags for a physician's review (clinic.md, section 4).</summary>
public enum RiskFlag
{
    [Display(Name = "Grade III respiratory failure")]
    GradeIIIRespiratoryFailure,
    [Display(Name = "Artificial ventilation")]
    ArtificialVentilation,
    Dysphagia,
    Gastrostomy,
}

public sealed record IndicationFinding(Indication Indication, IndicationStatus Status, string Evidence);

public sealed record RiskFlagFinding(RiskFlag Flag, bool Present, string Evidence);

public sealed record EligibilityResult(IReadOnlyList<IndicationFinding> Indications, IReadOnlyList<RiskFlagFinding> RiskFlags)
{
    public bool AllIndicationsMet => Indications.All(i => i.Status == IndicationStatus.Met);
    public bool NeedsPhysicianReview => RiskFlags.Any(f => f.Present) || !AllIndicationsMet;
}

/// <summary>
/// Screens a patient against the clinic's indications. It never excludes anyone: risk flags
/// and undetermined indications go to a physician.
/// </summary>
public static class EligibilityScreening
{
    /// <summary>A fall of at least this many ALSFRS-R points between two complete assessments documents progression.</summary>
    public const int ProgressionPoints = 1;
    /// <summary>FVC below this % of predicted is taken as grade III respiratory failure for screening.</summary>
    public const double SevereFvcPercent = 50;

    public static EligibilityResult Screen(EligibilityInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complete = input.Assessments
            .Select(a => (a.Date, a.Responses, Score: AlsfrsRScore.Of(a.Responses)))
            .Where(a => a.Score.IsComplete)
            .OrderBy(a => a.Date)
            .ToList();
        var latest = input.Assessments.OrderBy(a => a.Date).LastOrDefault()?.Responses;

        var diagnosis = Diagnosis(input);
        var progression = Progression(complete.Select(a => (a.Date, a.Score.Total!.Value)).ToList());
        var response = ExistingTreatment(input, progression.Status);

        return new EligibilityResult(
            [diagnosis, progression, response],
            [Respiratory(input, latest), Ventilation(input, latest), Dysphagia(input, latest), GastrostomyFlag(input, latest)]);
    }

    private static IndicationFinding Diagnosis(EligibilityInput input)
    {
        if (DiagnosisRules.IsConfirmed(input.ElEscorial, input.GoldCoastMet))
        {
            var basis = input.GoldCoastMet == true ? "Gold Coast criteria met" : $"El Escorial: {input.ElEscorial}";
            return new(Indication.ConfirmedDiagnosis, IndicationStatus.Met, basis);
        }
        if (input.ElEscorial is null && input.GoldCoastMet is null)
            return new(Indication.ConfirmedDiagnosis, IndicationStatus.NotDetermined, "No diagnostic category recorded.");
        return new(Indication.ConfirmedDiagnosis, IndicationStatus.NotMet,
            $"El Escorial {input.ElEscorial?.ToString() ?? "not recorded"}; Gold Coast {(input.GoldCoastMet == false ? "not met" : "not recorded")}.");
    }

    private static IndicationFinding Progression(IReadOnlyList<(DateOnly Date, int Total)> totals)
    {
        if (totals.Count < 2)
            return new(Indication.DocumentedProgression, IndicationStatus.NotDetermined,
                $"{totals.Count} complete ALSFRS-R on record; two are needed to document progression.");
        var first = totals[0];
        var last = totals[^1];
        var fall = first.Total - last.Total;
        var evidence = $"ALSFRS-R {first.Total} on {first.Date:yyyy-MM-dd}, {last.Total} on {last.Date:yyyy-MM-dd}.";
        return fall >= ProgressionPoints
            ? new(Indication.DocumentedProgression, IndicationStatus.Met, evidence)
            : new(Indication.DocumentedProgression, IndicationStatus.NotMet, evidence + " No decline recorded.");
    }

    private static IndicationFinding ExistingTreatment(EligibilityInput input, IndicationStatus progression)
    {
        var drugs = new List<string>();
        if (input.TakesOrTookRiluzole) drugs.Add("riluzole");
        if (input.TakesOrTookEdaravone) drugs.Add("edaravone");
        if (input.TakesOrTookTofersen) drugs.Add("tofersen");
        var sod1Note = input.Sod1 == GeneticResult.Positive && !input.TakesOrTookTofersen
            ? " SOD1 carrier without tofersen on record: consider it first." : "";

        if (drugs.Count == 0)
            return new(Indication.NoResponseToExistingTreatment, IndicationStatus.NotDetermined,
                "No riluzole, edaravone or tofersen on record." + sod1Note);
        var onDrugs = $"Treated with {string.Join(", ", drugs)}";
        return progression switch
        {
            IndicationStatus.Met => new(Indication.NoResponseToExistingTreatment, IndicationStatus.Met,
                onDrugs + "; progression documented." + sod1Note),
            IndicationStatus.NotMet => new(Indication.NoResponseToExistingTreatment, IndicationStatus.NotMet,
                onDrugs + "; no progression recorded." + sod1Note),
            _ => new(Indication.NoResponseToExistingTreatment, IndicationStatus.NotDetermined,
                onDrugs + "; progression not yet documented." + sod1Note),
        };
    }

    private static RiskFlagFinding Respiratory(EligibilityInput input, AlsfrsRResponses? latest)
    {
        var reasons = new List<string>();
        if (input.LatestFvcPercentPredicted is { } fvc && fvc < SevereFvcPercent) reasons.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"FVC {fvc:0.#}% of predicted"));
        if (latest?.Dyspnea is { } d && d <= 1) reasons.Add($"ALSFRS-R dyspnea item {d}");
        return Flag(RiskFlag.GradeIIIRespiratoryFailure, reasons);
    }

    private static RiskFlagFinding Ventilation(EligibilityInput input, AlsfrsRResponses? latest)
    {
        var reasons = new List<string>();
        if (latest?.RespiratoryInsufficiency is { } r && r < 4) reasons.Add($"ALSFRS-R respiratory insufficiency item {r}");
        if (input.TracheostomyDate is { } t) reasons.Add($"tracheostomy {t:yyyy-MM-dd}");
        if (input.PermanentVentilationDate is { } p) reasons.Add($"permanent ventilation since {p:yyyy-MM-dd}");
        return Flag(RiskFlag.ArtificialVentilation, reasons);
    }

    private static RiskFlagFinding Dysphagia(EligibilityInput input, AlsfrsRResponses? latest)
    {
        var reasons = new List<string>();
        if (latest?.Swallowing is { } s && s <= 2) reasons.Add($"ALSFRS-R swallowing item {s}");
        if (input.LatestSpeechSwallowingSeverity is { } sev && sev >= 2) reasons.Add("moderate or severe speech and swallowing disorder in the symptom inventory");
        return Flag(RiskFlag.Dysphagia, reasons);
    }

    private static RiskFlagFinding GastrostomyFlag(EligibilityInput input, AlsfrsRResponses? latest)
    {
        var reasons = new List<string>();
        if (input.GastrostomyDate is { } g) reasons.Add($"gastrostomy {g:yyyy-MM-dd}");
        if (latest?.UsesGastrostomy == true) reasons.Add("ALSFRS-R item 5b (with gastrostomy) answered");
        return Flag(RiskFlag.Gastrostomy, reasons);
    }

    private static RiskFlagFinding Flag(RiskFlag flag, List<string> reasons) =>
        new(flag, reasons.Count > 0, reasons.Count > 0 ? string.Join("; ", reasons) + "." : "Not present in the recorded data.");
}
