using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CellTherapyCenter.Data;

/// <summary>
/// Several EF Core queries sent to the database in one round trip (an ADO.NET batch, where the
/// provider has them: PostgreSQL) and read straight off the data reader, result set by result
/// set. For the pages read most, where each round trip is a fixed cost on both sides of the
/// connection: the patient chart's half-dozen small queries cost more in round trips than in
/// rows. Where the provider has no batches (SQLite, in process), the commands run one by one.
/// As with <see cref="RawRows"/>, rows are read by column name as store values: project only
/// columns whose store type is the CLR type read.
/// </summary>
internal sealed class QueryBatch(RegistryDbContext db)
{
    private readonly List<(DbCommand Command, Func<DbDataReader, CancellationToken, Task> Read)> _queries = [];
    private readonly List<DbCommand> _statements = [];

    /// <summary>Adds a query; its rows are in the returned list once <see cref="ExecuteAsync"/> has run.</summary>
    /// <param name="columns">The projection's member names, in the order <paramref name="make"/> reads their ordinals.</param>
    /// <param name="make">Makes one row from the reader and the ordinals of <paramref name="columns"/>.</param>
    public List<T> Add<TRow, T>(IQueryable<TRow> query, string[] columns, Func<DbDataReader, int[], T> make)
    {
        var rows = new List<T>();
        _queries.Add((query.CreateDbCommand(), async (reader, ct) =>
        {
            var ordinals = RawRows.Ordinals(reader, columns);
            while (await reader.ReadAsync(ct)) rows.Add(make(reader, ordinals));
        }
        ));
        return rows;
    }

    /// <summary>Adds a statement that returns no rows (an audit line), sent before the queries.</summary>
    public void AddStatement(DbCommand command) => _statements.Add(command);

    public async Task ExecuteAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            if (connection.CanCreateBatch) await ExecuteBatchAsync(connection, ct);
            else
            {
                foreach (var statement in _statements)
                {
                    statement.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                    await statement.ExecuteNonQueryAsync(ct);
                }
                foreach (var (command, read) in _queries)
                {
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    await read(reader, ct);
                }
            }
        }
        finally
        {
            foreach (var (command, _) in _queries) await command.DisposeAsync();
            foreach (var statement in _statements) await statement.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task ExecuteBatchAsync(DbConnection connection, CancellationToken ct)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // The statements first: the queries' result sets then follow in order, and a statement that
        // fails (an audit line that cannot be written) fails the batch before anything is read.
        foreach (var command in _statements.Concat(_queries.Select(q => q.Command)))
        {
            var part = batch.CreateBatchCommand();
            part.CommandText = command.CommandText;
            // A parameter belongs to one collection: it moves from EF's command to the batch's.
            var parameters = command.Parameters.Cast<DbParameter>().ToList();
            command.Parameters.Clear();
            part.Parameters.AddRange(parameters.ToArray());
            batch.BatchCommands.Add(part);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        for (var i = 0; i < _queries.Count; i++)
        {
            if (i > 0 && !await reader.NextResultAsync(ct))
                throw new InvalidOperationException($"The batch returned {i} result sets for {_queries.Count} queries.");
            await _queries[i].Read(reader, ct);
        }
    }
}
