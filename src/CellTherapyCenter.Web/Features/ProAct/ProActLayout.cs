using CellTherapyCenter.Data.Cohorts;

namespace CellTherapyCenter.Web.Features.ProAct;

/// <summary>The six PRO-ACT files and the columns the registry reads and writes, in the order it writes them (docs/proact.md).</summary>
public static class ProActLayout
{
    public const string SubjectId = "subject_id";
    public const string Demographics = "PROACT_DEMOGRAPHICS.csv";
    public const string AlsHistory = "PROACT_ALSHISTORY.csv";
    public const string Alsfrs = "PROACT_ALSFRS.csv";
    public const string Fvc = "PROACT_FVC.csv";
    public const string DeathData = "PROACT_DEATHDATA.csv";
    public const string Riluzole = "PROACT_RILUZOLE.csv";

    public static readonly IReadOnlyList<string> Files = [Demographics, AlsHistory, Alsfrs, Fvc, DeathData, Riluzole];

    /// <summary>The ALSFRS items in file order, each with its column.</summary>
    public static readonly IReadOnlyList<string> AlsfrsItems =
    [
        "Q1_Speech", "Q2_Salivation", "Q3_Swallowing", "Q4_Handwriting", "Q5a_Cutting_without_Gastrostomy",
        "Q5b_Cutting_with_Gastrostomy", "Q5_Cutting", "Q6_Dressing_and_Hygiene", "Q7_Turning_in_Bed", "Q8_Walking",
        "Q9_Climbing_Stairs", "Q10_Respiratory", "R_1_Dyspnea", "R_2_Orthopnea", "R_3_Respiratory_Insufficiency",
    ];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Columns = new Dictionary<string, IReadOnlyList<string>>
    {
        [Demographics] = [SubjectId, "Demographics_Delta", "Age", "Sex"],
        [AlsHistory] = [SubjectId, "Site_of_Onset", "Onset_Delta", "Diagnosis_Delta"],
        [Alsfrs] = [SubjectId, "ALSFRS_Delta", .. AlsfrsItems, "ALSFRS_Total", "ALSFRS_R_Total", "Mode_of_Administration", "ALSFRS_Responded_By"],
        [Fvc] = [SubjectId, "Forced_Vital_Capacity_Delta", "Subject_Liters_Trial_1", "pct_of_Normal_Trial_1",
            "Subject_Liters_Trial_2", "pct_of_Normal_Trial_2", "Subject_Liters_Trial_3", "pct_of_Normal_Trial_3"],
        [DeathData] = [SubjectId, "Subject_Died", "Death_Days"],
        [Riluzole] = [SubjectId, "Subject_used_Riluzole", "Riluzole_use_Delta"],
    };

    /// <summary>Day <paramref name="days"/> of a subject as a date counted from <see cref="ExternalCohort.Anchor"/>.</summary>
    public static DateOnly DateOf(int days) => ExternalCohort.Anchor.AddDays(days);

    public static int DaysOf(DateOnly date) => date.DayNumber - ExternalCohort.Anchor.DayNumber;

    public static ExternalOnsetSite OnsetSiteOf(string text)
    {
        var site = text.Trim();
        if (site.StartsWith("Onset:", StringComparison.OrdinalIgnoreCase)) site = site["Onset:".Length..].Trim();
        return site.ToUpperInvariant() switch
        {
            "BULBAR" => ExternalOnsetSite.Bulbar,
            "LIMB" => ExternalOnsetSite.Limb,
            "LIMB AND BULBAR" => ExternalOnsetSite.LimbAndBulbar,
            _ => ExternalOnsetSite.Other,
        };
    }
}
