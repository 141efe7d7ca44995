using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Statistics.Prediction;

namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>
/// The disease a demo patient or a natural-history subject is drawn with: onset site, decline,
/// diagnostic delay and category, FTD and C9orf72, and survival from the ENCALS model for those
/// predictors. One definition for both, so the external cohort comes from the same disease model
/// as the patients it is compared with. The draws are taken in a fixed order: a seed gives the same people.
/// </summary>
internal sealed record DrawnDisease(
    OnsetSite Site,
    double SlopePerMonth,
    double DiagnosisMonths,
    ElEscorialCategory ElEscorial,
    bool FrontotemporalDementia,
    bool C9orf72,
    double EventMonths,
    bool VentilatedFirst,
    bool Tracheostomy,
    double SurvivalMonths)
{
    public static DrawnDisease Draw(SeededRandom r, double ageAtOnset)
    {
        var u = r.Uniform();
        var site = u < 0.30 ? OnsetSite.Bulbar : u < 0.63 ? OnsetSite.UpperLimb : u < 0.95 ? OnsetSite.LowerLimb : u < 0.98 ? OnsetSite.Respiratory : OnsetSite.Generalised;
        // Natural-history decline: -0.9 ± 0.57 points/month; the ~7% above -0.02 are held nearly flat.
        var slope = Math.Clamp(r.Normal(-0.9, 0.57), -3.5, -0.02);
        var diagnosisMonths = r.LogNormal(11, 0.5);
        var elEscorial = (ElEscorialCategory)r.Int(2, 6);
        var ftd = r.Chance(0.10);
        var c9orf72 = r.Chance(0.07);
        // Survival follows the ENCALS model for the person's own predictors at diagnosis (points
        // lost, FVC and ΔFRS as the disease course produces them, without visit noise).
        var lostAtDiagnosis = 1 - slope * diagnosisMonths;
        var linearPredictor = EncalsModel.LinearPredictor(ageAtOnset, diagnosisMonths, lostAtDiagnosis / diagnosisMonths,
            Math.Clamp(100 - lostAtDiagnosis * 1.6, 15, 130), site == OnsetSite.Bulbar, elEscorial == ElEscorialCategory.Definite, ftd, c9orf72);
        var eventMonths = EncalsEventTime.MonthsFromOnset(linearPredictor, diagnosisMonths, r.Uniform(1e-9, 1));
        // One in five reach the outcome by full-time ventilation (a third of them by tracheostomy) and live on for a while.
        var ventilatedFirst = r.Chance(0.2);
        var tracheostomy = ventilatedFirst && r.Chance(0.3);
        var survivalMonths = ventilatedFirst ? eventMonths + r.LogNormal(10, 0.6) : eventMonths;
        return new DrawnDisease(site, slope, diagnosisMonths, elEscorial, ftd, c9orf72, eventMonths, ventilatedFirst, tracheostomy, survivalMonths);
    }
}
