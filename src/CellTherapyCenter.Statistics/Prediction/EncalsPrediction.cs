namespace CellTherapyCenter.Statistics.Prediction;

/// <summary>
/// One patient's ENCALS prediction, or the named reason there is none ("not predictable: FVC
/// missing"). Nothing is imputed: a patient with a missing or impossible predictor has no
/// prediction and is counted among the exclusions of any observed/expected comparison.
/// </summary>
public sealed record EncalsPrediction(double? LinearPredictor, string? NotPredictableReason)
{
    public bool IsPredictable => LinearPredictor is not null;

    public static EncalsPrediction For(EncalsPredictors p)
    {
        var missing = new List<string>();
        if (p.AgeAtOnsetYears is null) missing.Add("age at onset");
        if (p.DiagnosticDelayMonths is null) missing.Add("diagnostic delay");
        if (p.DeltaFrs is null) missing.Add("ΔFRS");
        if (p.FvcPercentPredicted is null) missing.Add("FVC");
        if (p.BulbarOnset is null) missing.Add("site of onset");
        if (p.DefiniteAls is null) missing.Add("El Escorial category");
        if (p.FrontotemporalDementia is null) missing.Add("FTD status");
        if (p.C9orf72 is null) missing.Add("C9orf72 status");
        if (missing.Count > 0) return NotPredictable($"{string.Join(", ", missing)} missing");

        // Outside these ranges a transformation is undefined (a power of zero or a negative log).
        if (p.AgeAtOnsetYears <= 0) return NotPredictable("age at onset must be positive");
        if (p.DiagnosticDelayMonths <= 0) return NotPredictable("diagnostic delay must be positive");
        if (p.DeltaFrs <= -0.1) return NotPredictable("ΔFRS must be above −0.1");
        if (p.FvcPercentPredicted <= 0) return NotPredictable("FVC must be positive");

        return new EncalsPrediction(EncalsModel.LinearPredictor(p.AgeAtOnsetYears!.Value, p.DiagnosticDelayMonths!.Value,
            p.DeltaFrs!.Value, p.FvcPercentPredicted!.Value, p.BulbarOnset!.Value, p.DefiniteAls!.Value,
            p.FrontotemporalDementia!.Value, p.C9orf72!.Value), null);
    }

    private static EncalsPrediction NotPredictable(string reason) => new(null, $"not predictable: {reason}");

    /// <summary>Predicted event-free probability at <paramref name="monthsSinceOnset"/>.</summary>
    public double Survival(double monthsSinceOnset) => EncalsModel.Survival(monthsSinceOnset, Required);

    /// <summary>
    /// Expected number of events between two times since onset for a patient event-free at the
    /// first (patients enter the registry alive, so expectations are conditional on survival to
    /// entry): the cumulative hazard ln S(from) − ln S(to). Summed over patients whose follow-up ends
    /// at their event or at censoring, this is the count observed events are compared with (its
    /// expectation equals that of the observed count when the model is right); the probability
    /// 1 − S(to)/S(from) would undercount, because follow-up stops at the event.
    /// </summary>
    public double ExpectedEvents(double fromMonths, double toMonths)
    {
        if (toMonths < fromMonths) throw new ArgumentException("Follow-up cannot end before it starts.");
        return Math.Log(Survival(fromMonths)) - Math.Log(Survival(toMonths));
    }

    public double MedianMonthsFromOnset => EncalsModel.MedianMonthsFromOnset(Required);

    private double Required => LinearPredictor ?? throw new InvalidOperationException(NotPredictableReason);
}
