using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Data;

/// <summary>
/// Runs an EF Core query and hands each row to the caller straight from the provider's data
/// reader, skipping EF's materialiser: for the few reads of hundreds of thousands of rows (the
/// claims audit) where building an object per row costs more than the query. The query stays
/// EF Core's (LINQ, translated per provider); the caller reads the columns by the names of the
/// projection's members, as store values: no value converters are applied, so project only
/// columns whose store type is the CLR type read (ids, dates, numbers, text, flags).
/// </summary>
internal static class RawRows
{
    /// <param name="columns">The projection's member names, in the order <paramref name="onRow"/> reads their ordinals.</param>
    /// <param name="onRow">Called for each row with the reader and the ordinals of <paramref name="columns"/>.</param>
    public static async Task ReadAsync<T>(RegistryDbContext db, IQueryable<T> query, string[] columns, Action<DbDataReader, int[]> onRow, CancellationToken ct)
    {
        await using var command = query.CreateDbCommand();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            var ordinals = Ordinals(reader, columns);
            while (await reader.ReadAsync(ct)) onRow(reader, ordinals);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The ordinals of <paramref name="columns"/> in the reader's result set.</summary>
    public static int[] Ordinals(DbDataReader reader, string[] columns)
    {
        var ordinals = new int[columns.Length];
        for (var i = 0; i < columns.Length; i++)
            ordinals[i] = Ordinal(reader, columns[i]);
        return ordinals;
    }

    private static int Ordinal(DbDataReader reader, string column)
    {
        for (var i = 0; i < reader.FieldCount; i++)
            if (reader.GetName(i) == column) return i;
        throw new InvalidOperationException($"The query returns no column named {column} (it returns {string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetName))}).");
    }
}

/// <summary>Reading nullable columns by ordinal, for the callers of <see cref="RawRows"/> and <see cref="QueryBatch"/>.</summary>
internal static class DataReaderColumns
{
    public static T? GetNullable<T>(this DbDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    public static string? GetStringOrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
