using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Data.Patients;

/// <summary>
/// Fills the search column of patients saved before it existed (the PatientSearch migration adds
/// it empty). Done at start-up, after migrating, rather than in the migration: the folding and the
/// transliteration tables are C# (<see cref="PatientSearchText"/>), and SQL copies of them in two
/// dialects would drift from it. A later change of the rules can empty the column in a migration
/// and this fills it again. Writes the derived column only, without audit lines, as a migration would.
/// </summary>
public static class PatientSearchBackfill
{
    private const int Batch = 500;

    /// <summary>Returns the number of patients filled in.</summary>
    public static async Task<int> RunAsync(RegistryDbContext db, CancellationToken ct)
    {
        var filled = 0;
        while (true)
        {
            var patients = await db.Patients.AsNoTracking().Where(p => p.SearchText == "")
                .OrderBy(p => p.Id).Take(Batch)
                .Select(p => new { p.Id, p.FamilyName, p.GivenName, p.Pseudonym, p.Phone, p.Email })
                .ToListAsync(ct);
            if (patients.Count == 0) return filled;
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                foreach (var p in patients)
                {
                    var text = PatientSearchText.Of(p.FamilyName, p.GivenName, p.Pseudonym, p.Phone, p.Email);
                    await db.Patients.Where(x => x.Id == p.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SearchText, text), ct);
                }
                await transaction.CommitAsync(ct);
            });
            filled += patients.Count;
        }
    }
}
