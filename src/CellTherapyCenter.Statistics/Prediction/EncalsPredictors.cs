namespace CellTherapyCenter.Statistics.Prediction;

/// <summary>
/// The eight ENCALS predictors, all taken at diagnosis (encals.md). Each is nullable because
/// registry data are often incomplete; a missing one makes the patient not predictable rather
/// than being filled in.
/// </summary>
/// <param name="AgeAtOnsetYears">Age at symptom onset, in years.</param>
/// <param name="DiagnosticDelayMonths">Months from symptom onset to diagnosis.</param>
/// <param name="DeltaFrs">ALSFRS-R progression rate at diagnosis, (48 − total) / months since onset, points per month (positive for decline).</param>
/// <param name="FvcPercentPredicted">Forced vital capacity, % of predicted.</param>
/// <param name="BulbarOnset">Bulbar (rather than spinal) site of onset.</param>
/// <param name="DefiniteAls">Definite ALS by the revised El Escorial criteria.</param>
/// <param name="FrontotemporalDementia">Frontotemporal dementia present.</param>
/// <param name="C9orf72">C9orf72 repeat expansion carried.</param>
public sealed record EncalsPredictors(
    double? AgeAtOnsetYears,
    double? DiagnosticDelayMonths,
    double? DeltaFrs,
    double? FvcPercentPredicted,
    bool? BulbarOnset,
    bool? DefiniteAls,
    bool? FrontotemporalDementia,
    bool? C9orf72)
{
    /// <summary>ΔFRS from the ALSFRS-R total at diagnosis: the points lost from a presumed 48 at onset, per month since onset.</summary>
    public static double DeltaFrsAtDiagnosis(int alsfrsTotal, double monthsSinceOnset)
    {
        if (alsfrsTotal is < 0 or > 48) throw new ArgumentOutOfRangeException(nameof(alsfrsTotal), "An ALSFRS-R total lies in 0-48.");
        if (monthsSinceOnset <= 0) throw new ArgumentOutOfRangeException(nameof(monthsSinceOnset), "Diagnosis must come after onset.");
        return (48 - alsfrsTotal) / monthsSinceOnset;
    }
}
