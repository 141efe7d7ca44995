using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.ProAct;

namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>
/// Seeds the demo's synthetic natural-history cohort the way a researcher's download arrives: the
/// generated rows are written as PRO-ACT files by the export code (<see cref="ProActWriter"/>) into
/// a temporary folder and read back by the import code (<see cref="ProActReader"/>,
/// <see cref="ProActImport"/>), so the demo exercises the same path and shows what an import gives.
/// The cohort is marked synthetic, and public when first created: every record of the demo is
/// synthetic, so the outcomes comparison shows on the first start (an administrator can withdraw it
/// at /staff/cohorts; seeding again never makes it public again). The same seed gives the same
/// files, so seeding again changes nothing (the import is idempotent).
/// </summary>
public static class DemoNaturalHistoryCohort
{
    public const string Name = "Synthetic natural history (demo)";
    public const string ImportedBy = "demo seeding (synthetic data)";

    public static string Source(DemoCohortOptions options) =>
        $"Generated demo data, not real patients: an untreated natural-history cohort drawn by the demo generator (seed {options.Seed}) " +
        "from the same disease model as the demo patients, written and imported as PRO-ACT files. " +
        "Made public with the demo, whose data are all synthetic.";

    /// <returns>The import's result, or null when the options ask for no such cohort.</returns>
    public static async Task<ProActImportResult?> SeedAsync(RegistryDbContext db, DemoCohortOptions options, CancellationToken ct)
    {
        if (options.NaturalHistorySubjects <= 0) return null;
        var cohort = new NaturalHistoryCohortGenerator(options).Generate();
        var folder = Directory.CreateTempSubdirectory("ctc-demo-proact-");
        try
        {
            await ProActWriter.WriteAsync(folder.FullName, cohort.Subjects, cohort.Alsfrs, cohort.Fvc, ct);
            var data = ProActReader.Read(folder.FullName);
            if (data.Refused.Count > 0)
                throw new InvalidOperationException("The PRO-ACT import refused the generated natural-history cohort: " + string.Join("; ", data.Refused.Take(5)));
            return await ProActImport.StoreAsync(db, data, Name, Source(options), ImportedBy, synthetic: true, publicWhenNew: true, ct);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
