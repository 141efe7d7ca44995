using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Statistics.Prediction;

namespace CellTherapyCenter.Outcomes.Claims;

/// <summary>
/// A patient's ENCALS predictors as the registry holds them (encals.md: all at diagnosis). ΔFRS
/// and FVC come from the first ALSFRS-R and the first FVC within a window around the diagnosis
/// date (default a year): registries rarely score on the day of diagnosis. Anything missing stays
/// missing, and the patient is then counted among the exclusions with the reason.
/// </summary>
internal static class EncalsInputs
{
    public static EncalsPredictors For(PatientFacts p, int windowDays)
    {
        double? age = p.DateOfBirth is { } birth && p.OnsetDate is { } onset ? Timeline.Days(birth, onset) / 365.25 : null;
        double? delay = p.OnsetDate is { } o && p.DiagnosisDate is { } d ? Timeline.Months(o, d) : null;
        double? deltaFrs = null, fvc = null;
        if (p.DiagnosisDate is { } dx)
        {
            bool Near(DateOnly date) => Math.Abs(Timeline.Days(dx, date)) <= windowDays;
            foreach (var a in p.Assessments)
                if (Near(a.Date) && p.OnsetDate is { } start && a.Date > start)
                {
                    deltaFrs = EncalsPredictors.DeltaFrsAtDiagnosis(a.Total, Timeline.Months(start, a.Date));
                    break;
                }
            fvc = p.Visits.FirstOrDefault(v => Near(v.Date) && v.FvcPercentPredicted is not null)?.FvcPercentPredicted;
        }
        bool? c9 = p.C9orf72 switch { GeneticResult.Positive => true, GeneticResult.Negative => false, _ => null };
        return new EncalsPredictors(age, delay, deltaFrs, fvc,
            p.OnsetSite is { } site ? site == OnsetSite.Bulbar : null,
            p.ElEscorial is { } category ? category == ElEscorialCategory.Definite : null,
            p.FrontotemporalDementia, c9);
    }

    /// <summary>The ENCALS composite (death, tracheostomy, permanent ventilation): its first date, if any.</summary>
    public static DateOnly? CompositeEvent(PatientFacts p) =>
        new[] { p.DateOfDeath, p.TracheostomyDate, p.PermanentVentilationDate }.Where(d => d is not null).Min();
}
