using System.Globalization;
using CellTherapyCenter.Web.Features.ProAct;
using CsvHelper;

namespace CellTherapyCenter.Web.Tests.ProAct;

/// <summary>A small PRO-ACT folder written for a test, and the cell-by-cell comparison of two folders.</summary>
public static class ProActFiles
{
    /// <summary>
    /// Three subjects: 101 with ALSFRS-R rows (5a, then 5b), 102 with an original-ALSFRS row (Q5_Cutting, Q10)
    /// and an ALSFRS-R total without items, 103 with an original total only; quoted fields and a column
    /// PRO-ACT has that the registry does not read (Race_Caucasian, Gastrostomy).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Sample = new Dictionary<string, string>
    {
        [ProActLayout.Demographics] = """
            subject_id,Demographics_Delta,Age,Sex,Race_Caucasian
            "101",0,54.5,Male,1
            102,0,61,"Female",1
            103,,70.25,Female,
            """,
        [ProActLayout.AlsHistory] = """
            subject_id,Site_of_Onset,Onset_Delta,Diagnosis_Delta
            101,Onset: Bulbar,-400,-120
            102,Onset: Limb,-700,-300
            103,"Onset: Limb and Bulbar",,-90
            """,
        [ProActLayout.Alsfrs] = """
            subject_id,ALSFRS_Delta,Q1_Speech,Q2_Salivation,Q3_Swallowing,Q4_Handwriting,Q5a_Cutting_without_Gastrostomy,Q5b_Cutting_with_Gastrostomy,Q5_Cutting,Q6_Dressing_and_Hygiene,Q7_Turning_in_Bed,Q8_Walking,Q9_Climbing_Stairs,Q10_Respiratory,R_1_Dyspnea,R_2_Orthopnea,R_3_Respiratory_Insufficiency,ALSFRS_Total,ALSFRS_R_Total,Mode_of_Administration,ALSFRS_Responded_By,Gastrostomy
            101,0,3,4,3,3,3,,,3,4,4,3,,4,4,4,,42,In person,Patient,
            101,91,2,3,2,3,,2,,3,3,3,2,,3,4,4,,34,,,Yes
            102,0,4,4,4,3,,,3,3,3,2,2,4,,,,32,,,,
            102,60,,,,,,,,,,,,,,,,,30.5,Phone,"Caregiver, spouse",
            103,10,,,,,,,,,,,,,,,,25,,,,
            """,
        [ProActLayout.Fvc] = """
            subject_id,Forced_Vital_Capacity_Delta,Subject_Liters_Trial_1,pct_of_Normal_Trial_1,Subject_Liters_Trial_2,pct_of_Normal_Trial_2,Subject_Liters_Trial_3,pct_of_Normal_Trial_3,Forced_Vital_Capacity_Units
            101,0,3.2,80.5,3.1,78,,,L
            102,30,,64,,,,,
            """,
        [ProActLayout.DeathData] = """
            subject_id,Subject_Died,Death_Days
            101,No,
            102,Yes,500
            """,
        [ProActLayout.Riluzole] = """
            subject_id,Subject_used_Riluzole,Riluzole_use_Delta
            101,Yes,0
            103,No,
            """,
    };

    public static string Write(IReadOnlyDictionary<string, string> files)
    {
        var directory = Infrastructure.ScratchDirectory.Create("ctc-proact-");
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(directory, name), text + "\n");
        return directory;
    }

    /// <summary>
    /// A file's rows as the registry reads them: only the columns it knows (an absent one empty), each
    /// number in one spelling (3.0 and 3 are the same value), sorted, so two files compare cell by cell in any order.
    /// </summary>
    public static List<string> Cells(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path)) return [];
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<string>();
        while (csv.Read())
        {
            var cells = ProActLayout.Columns[file].Select(column =>
            {
                var at = Array.IndexOf(header, column);
                var text = at < 0 ? "" : csv.GetField(at)!.Trim();
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                    ? x.ToString("R", CultureInfo.InvariantCulture) : text;
            });
            rows.Add(string.Join(" | ", cells));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
