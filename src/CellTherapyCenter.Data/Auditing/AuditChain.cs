using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Data.Auditing;

/// <summary>
/// The audit trail's hash chain. Each line's <see cref="AuditEntry.Chain"/> is
/// SHA-256(previous line's chain | place | content), hex, where content is every column of the
/// line written as length:text (or "-" for null), so a line changed, removed or slipped in behind
/// the app's back breaks the chain from that line on. The database computes it as the line is
/// inserted (triggers of the BackupAndAuditChain migration), whichever code inserts it (EF Core,
/// the raw INSERTs of <c>AuditLog</c> and the follow-up scheduler): PostgreSQL under a
/// transaction-scoped advisory lock, so concurrent writers link one after another in commit order;
/// SQLite writes one transaction at a time already, and calls <see cref="SqliteFunction"/>,
/// registered on each connection by <see cref="DatabaseSetup"/>. The first line links to "".
/// The content expression is written once, here, for the triggers and for <see cref="VerifyAsync"/>;
/// changing it needs a migration that recomputes every line.
/// </summary>
public static class AuditChain
{
    /// <summary>The SQLite function the chain trigger calls: lower-case hex SHA-256 of the UTF-8 text.</summary>
    public const string SqliteFunction = "ctc_sha256";

    /// <summary>The key of PostgreSQL's transaction-scoped advisory lock that serialises writers of the chain.</summary>
    public const long PostgreSqlLockKey = 0x4354_4341_5544_4954; // "CTCAUDIT"

    private static readonly string[] TextColumns =
        ["UserId", "UserName", "Action", "EntityType", "EntityId", "Changes", "Detail", "RemoteAddress"];

    /// <summary>SQL for a line's content, from the row named <paramref name="row"/> (e.g. NEW, or a table alias).</summary>
    public static string ContentSql(DatabaseProvider provider, string row)
    {
        string Field(string text) => $"coalesce(length({text}) || ':' || {text}, '-')";
        var fields = new List<string>();
        if (provider == DatabaseProvider.PostgreSQL)
        {
            fields.Add(Field($"{row}.\"Id\"::text"));
            fields.Add(Field($"to_char({row}.\"At\" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')"));
            fields.AddRange(TextColumns.Take(5).Select(c => Field($"{row}.\"{c}\"::text")));
            fields.Add(Field($"{row}.\"PatientId\"::text"));
            fields.AddRange(TextColumns.Skip(5).Select(c => Field($"{row}.\"{c}\"::text")));
        }
        else
        {
            fields.Add(Field($"CAST({row}.\"Id\" AS TEXT)"));
            fields.Add(Field($"CAST({row}.\"At\" AS TEXT)"));
            fields.AddRange(TextColumns.Take(5).Select(c => Field($"CAST({row}.\"{c}\" AS TEXT)")));
            fields.Add(Field($"CAST({row}.\"PatientId\" AS TEXT)"));
            fields.AddRange(TextColumns.Skip(5).Select(c => Field($"CAST({row}.\"{c}\" AS TEXT)")));
        }
        return string.Join(" || '|' || ", fields);
    }

    /// <summary>The chain value of a line, as the triggers compute it.</summary>
    public static string Link(string previous, long place, string content) =>
        Hex($"{previous}|{place.ToString(CultureInfo.InvariantCulture)}|{content}");

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text (the SQLite function's body).</summary>
    public static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// Walks the whole chain in order on the context's connection, recomputing each line from its
    /// stored columns. Stops at the first broken line. Reads row by row, so memory stays flat.
    /// </summary>
    public static async Task<AuditChainReport> VerifyAsync(RegistryDbContext db, CancellationToken ct = default)
    {
        var provider = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true
            ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;
        var watch = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            // A line outside the chain was inserted while the trigger was off (or by hand).
            await using (var unchained = connection.CreateCommand())
            {
                unchained.CommandText = """SELECT min("Id") FROM "AuditEntries" WHERE "ChainSeq" IS NULL OR "Chain" IS NULL""";
                if (await unchained.ExecuteScalarAsync(ct) is { } id and not DBNull)
                    return Broken(Convert.ToInt64(id, CultureInfo.InvariantCulture), null, "it is not in the chain (inserted while the chain's trigger was off)", 0, watch);
            }
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT a."Id", a."ChainSeq", a."Chain", {ContentSql(provider, "a")}
                FROM "AuditEntries" a ORDER BY a."ChainSeq"
                """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            var previous = "";
            long expected = 1, checkedLines = 0;
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                var place = reader.GetInt64(1);
                if (place != expected)
                    return Broken(id, place, $"the line before it in the chain (place {expected.ToString(CultureInfo.InvariantCulture)}) is missing", checkedLines, watch);
                var stored = reader.GetString(2);
                if (!string.Equals(Link(previous, place, reader.GetString(3)), stored, StringComparison.Ordinal))
                    return Broken(id, place, "its content or chain value was changed", checkedLines, watch);
                previous = stored;
                expected++;
                checkedLines++;
            }
            return new AuditChainReport(true, checkedLines, null, null, null, checkedLines == 0 ? null : previous, watch.Elapsed);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static AuditChainReport Broken(long id, long? place, string why, long checkedLines, Stopwatch watch) =>
        new(false, checkedLines, id, place, why, null, watch.Elapsed);
}

/// <summary>The result of walking the chain: intact with its last value, or the first broken line and why.</summary>
public sealed record AuditChainReport(bool Intact, long LinesChecked, long? BrokenId, long? BrokenPlace, string? Problem, string? Head, TimeSpan Took)
{
    public string Summary => Intact
        ? $"audit chain intact: {LinesChecked.ToString(CultureInfo.InvariantCulture)} lines"
        : $"audit chain broken at line {BrokenId?.ToString(CultureInfo.InvariantCulture)}: {Problem}";
}
