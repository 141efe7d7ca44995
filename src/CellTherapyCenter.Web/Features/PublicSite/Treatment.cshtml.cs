using CellTherapyCenter.Clinical.Eligibility;
using CellTherapyCenter.Web.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>
/// The treatment page. Indications and former contraindications are the clinical library's own
/// lists (the ones the eligibility screen applies), described here in plain words.
/// </summary>
[OutputCache(PolicyName = PublicSiteCache.PagePolicy)]
public sealed class TreatmentModel(RegistryDbContext db) : PublicPageModel(db)
{
    protected override string Slug => "treatment";

    public Task OnGetAsync(CancellationToken ct) => LoadTextAsync(ct);

    public static string Describe(Indication indication) => indication switch
    {
        Indication.ConfirmedDiagnosis => "a neurologist has confirmed the diagnosis of ALS;",
        Indication.DocumentedProgression => "the disease is shown to progress (for example, a lower ALSFRS-R score or new weakness between two examinations);",
        Indication.NoResponseToExistingTreatment => "the approved medicines (riluzole, edaravone, and tofersen for people with an SOD1 mutation) have not stopped the disease.",
        _ => throw new ArgumentOutOfRangeException(nameof(indication)),
    };

    public static string Describe(RiskFlag flag) => flag switch
    {
        RiskFlag.GradeIIIRespiratoryFailure => "severe weakness of the breathing muscles (grade III respiratory failure);",
        RiskFlag.ArtificialVentilation => "breathing with the help of a ventilator;",
        RiskFlag.Dysphagia => "difficulty swallowing (dysphagia);",
        RiskFlag.Gastrostomy => "a feeding tube into the stomach (gastrostomy).",
        _ => throw new ArgumentOutOfRangeException(nameof(flag)),
    };
}
