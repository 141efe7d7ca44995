using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CellTherapyCenter.Web.Tests.Database;

/// <summary>
/// A migrated database's schema as deterministic text, so that two ways of building it (the old
/// migrations, the squashed one) can be compared line by line. Everything the database holds is
/// written out except the rows of __EFMigrationsHistory, which name the migrations that ran.
/// </summary>
public static partial class SchemaDump
{
    private const string History = "__EFMigrationsHistory";

    /// <summary>
    /// sqlite_master: type, name, table and SQL, whitespace normalised. The items of a CREATE TABLE
    /// are sorted, because SQLite appends a column added later after the table's constraints.
    /// </summary>
    public static async Task<string> SqliteAsync(SqliteConnection connection)
    {
        var lines = new List<string>();
        foreach (var row in await RowsAsync(connection, "SELECT type, name, tbl_name, sql FROM sqlite_master"))
        {
            var sql = row[3] is string s ? Normalise(s) : "";
            if ((string)row[0]! == "table") sql = SortTableItems(sql);
            lines.Add($"{row[0]} {row[1]} on {row[2]}: {sql}");
        }
        foreach (var table in (await RowsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'")).Select(r => (string)r[0]!))
            lines.AddRange(await DataAsync(connection, table, $"\"{table}\""));
        return Join(lines);
    }

    /// <summary>pg_catalog for the public schema: tables, columns, constraints, indexes, sequences, triggers and functions.</summary>
    public static async Task<string> PostgreSqlAsync(NpgsqlConnection connection)
    {
        var lines = new List<string>();
        void Add(string kind, IEnumerable<object?[]> rows) => lines.AddRange(rows.Select(r => kind + " " + string.Join(" | ", r.Select(Text))));

        Add("relation", await RowsAsync(connection, """
            SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
            """));
        // Position, not attnum: a dropped column leaves a gap in attnum that the schema does not show.
        Add("column", await RowsAsync(connection, """
            SELECT c.relname, lpad((row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum))::text, 3, '0'), a.attname,
                   format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
                   a.attidentity::text, a.attgenerated::text, co.collname
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0 AND co.collname <> 'default'
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
            """));
        Add("constraint", await RowsAsync(connection, """
            SELECT c.relname, k.conname, pg_get_constraintdef(k.oid, true), k.condeferrable, k.condeferred
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public'
            """));
        Add("index", await RowsAsync(connection, """
            SELECT t.relname, i.relname, pg_get_indexdef(x.indexrelid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public'
            """));
        Add("sequence", await RowsAsync(connection, """
            SELECT sequencename, data_type::text, start_value, min_value, max_value, increment_by, cycle, cache_size
            FROM pg_sequences WHERE schemaname = 'public'
            """));
        Add("trigger", await RowsAsync(connection, """
            SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid, true), t.tgenabled::text
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND NOT t.tgisinternal
            """));
        // Every function of the schema: the ones triggers call are the audit trail's guard.
        foreach (var row in await RowsAsync(connection, """
            SELECT p.proname, pg_get_function_identity_arguments(p.oid), pg_get_functiondef(p.oid)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
            """))
            lines.Add($"function {row[0]}({row[1]}): {Normalise((string)row[2]!)}");
        Add("extension", await RowsAsync(connection, "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'"));
        foreach (var table in (await RowsAsync(connection, """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
            """)).Select(r => (string)r[0]!))
            lines.AddRange(await DataAsync(connection, table, $"public.\"{table}\""));
        return Join(lines);
    }

    /// <summary>What is in one expected but not the other, in order, marked - (expected only) and + (actual only).</summary>
    public static string Diff(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var inActual = a.ToHashSet();
        var inExpected = e.ToHashSet();
        return string.Join('\n', e.Where(l => !inActual.Contains(l)).Select(l => "- " + l)
            .Concat(a.Where(l => !inExpected.Contains(l)).Select(l => "+ " + l)));
    }

    /// <summary>The rows of a table, except the migration history's (which names the migrations, not the schema).</summary>
    private static async Task<IEnumerable<string>> DataAsync(DbConnection connection, string table, string quoted)
    {
        if (table == History) return [];
        var rows = await RowsAsync(connection, $"SELECT * FROM {quoted}");
        return rows.Select(r => $"row {table}: {string.Join(" | ", r.Select(Text))}");
    }

    private static async Task<List<object?[]>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Normalise(value.ToString()!),
    };

    private static string Normalise(string sql) => Whitespace().Replace(sql, " ").Trim();

    /// <summary>"CREATE TABLE x (a, b, CONSTRAINT c)" with its top-level items sorted.</summary>
    private static string SortTableItems(string sql)
    {
        var open = sql.IndexOf('(');
        if (open < 0 || !sql.EndsWith(')')) return sql;
        var items = new List<string>();
        var depth = 0;
        var quote = '\0';
        var current = new StringBuilder();
        foreach (var ch in sql[(open + 1)..^1])
        {
            if (quote != '\0') { if (ch == quote) quote = '\0'; }
            else if (ch is '"' or '\'' or '`') quote = ch;
            else if (ch == '(') depth++;
            else if (ch == ')') depth--;
            else if (ch == ',' && depth == 0) { items.Add(current.ToString().Trim()); current.Clear(); continue; }
            current.Append(ch);
        }
        items.Add(current.ToString().Trim());
        items.Sort(StringComparer.Ordinal);
        return sql[..(open + 1)] + string.Join(", ", items) + ")";
    }

    private static string Join(List<string> lines)
    {
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines) + "\n";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
