using System.Buffers.Binary;
using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CellTherapyCenter.Data;

namespace CellTherapyCenter.Web.Features.Backup;

/// <summary>One table in a backup's manifest: its rows and SHA-256 over them in primary-key order.</summary>
public sealed record TableDigest(string Table, long Rows, string Sha256);

/// <summary>
/// Row counts and SHA-256 of every table of a database, read in one snapshot (the caller's
/// transaction on PostgreSQL; a backup copy on SQLite). Rows are read in primary-key order (every
/// column when a table has no key) and each value is hashed as a type tag, its length and its bytes,
/// so the same data read the same way gives the same digest: the backup's snapshot and the database
/// restored from it must agree table by table.
/// </summary>
public static class TableManifest
{
    public static async Task<IReadOnlyList<TableDigest>> ComputeAsync(DbConnection connection, DbTransaction? transaction, DatabaseProvider provider, CancellationToken ct)
    {
        var digests = new List<TableDigest>();
        foreach (var table in await TablesAsync(connection, transaction, provider, ct))
        {
            var key = await KeyColumnsAsync(connection, transaction, provider, table, ct);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // No key: every column, in order (SQLite and PostgreSQL both accept positions).
            var order = key.Count > 0
                ? string.Join(", ", key.Select(Quote))
                : string.Join(", ", Enumerable.Range(1, await ColumnCountAsync(connection, transaction, table, ct)).Select(i => i.ToString(CultureInfo.InvariantCulture)));
            command.CommandText = $"SELECT * FROM {Quote(table)} ORDER BY {order}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            digests.Add(await DigestAsync(table, reader, ct));
        }
        return digests;
    }

    /// <summary>The first table whose digest differs between the two manifests, or null when they agree.</summary>
    public static string? FirstDifference(IReadOnlyList<TableDigest> expected, IReadOnlyList<TableDigest> actual)
    {
        var found = actual.ToDictionary(d => d.Table, StringComparer.Ordinal);
        foreach (var table in expected)
        {
            if (!found.TryGetValue(table.Table, out var other)) return $"table {table.Table} is missing";
            if (other.Rows != table.Rows) return $"table {table.Table} has {other.Rows} rows, the manifest {table.Rows}";
            if (!string.Equals(other.Sha256, table.Sha256, StringComparison.Ordinal)) return $"table {table.Table} differs from the manifest";
        }
        var extra = actual.FirstOrDefault(a => expected.All(e => e.Table != a.Table));
        return extra is null ? null : $"table {extra.Table} is not in the manifest";
    }

    private static async Task<TableDigest> DigestAsync(string table, DbDataReader reader, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        var length = new byte[8];
        while (await reader.ReadAsync(ct))
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var (tag, bytes) = await reader.IsDBNullAsync(i, ct) ? ((byte)0, []) : Canonical(reader.GetValue(i));
                hash.AppendData([tag]);
                BinaryPrimitives.WriteInt64LittleEndian(length, bytes.Length);
                hash.AppendData(length);
                hash.AppendData(bytes);
            }
        }
        return new TableDigest(table, rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static (byte Tag, byte[] Bytes) Canonical(object value) => value switch
    {
        byte[] b => (1, b),
        string s => (2, Encoding.UTF8.GetBytes(s)),
        DateTime d => (3, Encoding.ASCII.GetBytes(d.ToString("O", CultureInfo.InvariantCulture))),
        DateTimeOffset d => (3, Encoding.ASCII.GetBytes(d.ToString("O", CultureInfo.InvariantCulture))),
        bool b => (4, [b ? (byte)1 : (byte)0]),
        IFormattable f => (5, Encoding.UTF8.GetBytes(f.ToString(null, CultureInfo.InvariantCulture))),
        IEnumerable items => (6, Encoding.UTF8.GetBytes(string.Join('\u001f', items.Cast<object?>().Select(x => x is null ? "\u0000" : Convert.ToBase64String(Canonical(x).Bytes))))),
        _ => (7, Encoding.UTF8.GetBytes(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
    };

    private static async Task<List<string>> TablesAsync(DbConnection connection, DbTransaction? transaction, DatabaseProvider provider, CancellationToken ct) =>
        await ListAsync(connection, transaction, provider == DatabaseProvider.PostgreSQL
            ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename COLLATE \"C\""
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", ct);

    private static async Task<List<string>> KeyColumnsAsync(DbConnection connection, DbTransaction? transaction, DatabaseProvider provider, string table, CancellationToken ct)
    {
        var literal = "'" + table.Replace("'", "''", StringComparison.Ordinal) + "'";
        return await ListAsync(connection, transaction, provider == DatabaseProvider.PostgreSQL
            ? $"""
              SELECT a.attname FROM pg_index i
              JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
              CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
              WHERE i.indisprimary AND n.nspname = 'public' AND c.relname = {literal}
              ORDER BY k.position
              """
            : $"SELECT name FROM pragma_table_info({literal}) WHERE pk > 0 ORDER BY pk", ct);
    }

    private static async Task<int> ColumnCountAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT * FROM {Quote(table)} WHERE 1 = 0";
        await using var reader = await command.ExecuteReaderAsync(ct);
        return reader.FieldCount;
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        return names;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
