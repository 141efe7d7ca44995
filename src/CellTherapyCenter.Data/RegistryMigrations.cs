using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CellTherapyCenter.Data;

/// <summary>
/// Brings a registry database up to date at start-up. The eleven migrations per provider of the
/// first development months were squashed into one Initial migration; a database they built has
/// the same schema (the schema-equality test compares both), but its history names the old
/// migrations, so Initial would try to create tables that exist. Such a database has its history
/// rewritten to the squashed migration, in one transaction, before migrating. Any other history
/// this version does not know is refused rather than guessed at.
/// </summary>
public static class RegistryMigrations
{
    /// <summary>The migrations squashed into Initial, oldest first, per provider.</summary>
    public static IReadOnlyList<string> SqlitePreSquash { get; } =
    [
        "20261125034606_Initial", "20261125034631_AppendOnlyAuditTrail", "20261125051343_PatientListIndex",
        "20261125061952_AddEmailOutbox", "20261125070030_PublicSiteContent", "20261125073725_Inquiries",
        "20261125094237_ClaimsAuditScoresIndex", "20261125102552_FollowUpSchedule", "20261125112502_PortalAccounts",
        "20261125121433_SitePageLanguages", "20261125141215_ClaimsFactsIndexes",
    ];

    public static IReadOnlyList<string> PostgreSqlPreSquash { get; } =
    [
        "20261125034613_Initial", "20261125034639_AppendOnlyAuditTrail", "20261125051354_PatientListIndex",
        "20261125062044_AddEmailOutbox", "20261125070040_PublicSiteContent", "20261125073739_Inquiries",
        "20261125094309_ClaimsAuditScoresIndex", "20261125102611_FollowUpSchedule", "20261125112507_PortalAccounts",
        "20261125121508_SitePageLanguages", "20261125141238_ClaimsFactsIndexes",
    ];

    /// <summary>Adopts a pre-squash history if there is one, applies pending migrations, fills derived columns they added. True if it adopted.</summary>
    public static async Task<bool> MigrateAsync(RegistryDbContext db, CancellationToken ct)
    {
        var adopted = await AdoptSquashedHistoryAsync(db, ct);
        await db.Database.MigrateAsync(ct);
        await Patients.PatientSearchBackfill.RunAsync(db, ct);
        return adopted;
    }

    private static async Task<bool> AdoptSquashedHistoryAsync(RegistryDbContext db, CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(ct)) return false;
        var applied = (await history.GetAppliedMigrationsAsync(ct)).Select(r => r.MigrationId).ToList();
        var known = db.Database.GetMigrations().ToList();
        var unknown = applied.Except(known).ToList();
        if (unknown.Count == 0) return false;

        var preSquash = db is SqliteRegistryDbContext ? SqlitePreSquash : PostgreSqlPreSquash;
        // Only a database the old migrations brought all the way to their last one has the
        // squashed schema; one that stopped earlier, or ran migrations of another version, does not.
        if (!applied.Order(StringComparer.Ordinal).SequenceEqual(preSquash, StringComparer.Ordinal))
            throw new InvalidOperationException(
                $"The database's migration history names migrations this version does not have ({string.Join(", ", unknown)}). " +
                $"Only a database at {preSquash[^1]} can be taken over by the squashed Initial; refusing to start rather than guess at its schema.");

        var squashed = known.First(id => id.EndsWith("_Initial", StringComparison.Ordinal));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var id in applied)
            await db.Database.ExecuteSqlRawAsync(history.GetDeleteScript(id), ct);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(squashed, ProductInfo.GetVersion())), ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
