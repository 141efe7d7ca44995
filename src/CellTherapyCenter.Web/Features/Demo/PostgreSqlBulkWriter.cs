using CellTherapyCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>
/// Writes large synthetic cohorts to PostgreSQL with binary COPY. Tables, columns and value
/// conversions come from the EF model, so the writer follows the schema without a second copy of it.
/// </summary>
internal static class PostgreSqlBulkWriter
{
    public static async Task WriteAsync(RegistryDbContext db, IReadOnlyList<object> records, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            // Parents first so that foreign keys hold as each table is copied.
            foreach (var group in records.GroupBy(r => r.GetType()).OrderBy(g => Order(g.Key)))
                await CopyAsync(connection, db.Model.FindEntityType(group.Key)!, group, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static int Order(Type type) => type.Name switch
    {
        "Patient" => 0,
        "TreatmentCourse" => 1,
        "Visit" => 2,
        _ => 3,
    };

    private static async Task CopyAsync(NpgsqlConnection connection, IEntityType entity, IEnumerable<object> rows, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetFlattenedProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        var names = string.Join(", ", columns.Select(p => $"\"{p.GetColumnName(table)}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
        // Millions of rows (the follow-up schedules of 100,000 patients) with their index and
        // foreign-key work take longer to complete than the connection's 30-second command timeout.
        writer.Timeout = TimeSpan.FromMinutes(30);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                var value = column.GetGetter().GetClrValueUsingContainingEntity(row);
                var converter = column.GetTypeMapping().Converter;
                if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
                if (value is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(value, ct);
            }
        }
        await writer.CompleteAsync(ct);
    }
}
