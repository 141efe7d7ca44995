using CellTherapyCenter.Web.Data;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CellTherapyCenter.Web.Tests.Database;

/// <summary>
/// A model change without a migration for this provider (scripts/add-migration.sh), or without
/// regenerated compiled models (scripts/optimize-model.sh), fails here.
/// </summary>
public abstract class MigrationTests<TApp>(TApp app) where TApp : RegistryAppFactory
{
    [Fact]
    public async Task The_migrations_cover_the_whole_model()
    {
        _ = app.Server;
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
            "The model has changes no migration covers: run scripts/add-migration.sh Name.");
        Assert.Empty(await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task The_compiled_model_is_the_model_the_code_builds()
    {
        _ = app.Server;
        var (compiledType, compiled, built) = await app.WithDbAsync(db => Task.FromResult((
            db.Model.GetType().FullName, Describe(db.Model), Describe(db.GetService<IDesignTimeModel>().Model))));
        Assert.StartsWith("CellTherapyCenter.Web.Data.CompiledModels.", compiledType);
        var difference = built.Except(compiled).Concat(compiled.Except(built)).FirstOrDefault();
        Assert.True(difference is null && built.SequenceEqual(compiled),
            $"The compiled model differs from the code ({difference}): run scripts/optimize-model.sh.");
    }

    /// <summary>What the app relies on, readable from a compiled model as from a built one: entities, properties, relationships, tables.</summary>
    private static List<string> Describe(IModel model) =>
        model.GetEntityTypes().OrderBy(e => e.Name).SelectMany(e =>
            new[] { $"{e.Name} table={e.GetTableName()} base={e.BaseType?.Name}" }
            .Concat(e.GetProperties().Select(p => $"  {e.Name}.{p.Name}: {p.ClrType.Name} nullable={p.IsNullable} generated={p.ValueGenerated} " +
                $"concurrency={p.IsConcurrencyToken} converter={p.GetValueConverter()?.GetType().Name} maxLength={p.GetMaxLength()} column={p.GetColumnName()}"))
            .Concat(e.GetNavigations().Select(n => $"  {e.Name} -> {n.Name}: {n.TargetEntityType.Name} collection={n.IsCollection}"))
            .Concat(e.GetKeys().Select(k => $"  {e.Name} key ({string.Join(",", k.Properties.Select(p => p.Name))}) primary={k.IsPrimaryKey()}"))
            .Concat(e.GetForeignKeys().Select(f => $"  {e.Name} fk ({string.Join(",", f.Properties.Select(p => p.Name))}) -> {f.PrincipalEntityType.Name} delete={f.DeleteBehavior} required={f.IsRequired}"))
            .Concat(e.GetIndexes().Select(i => $"  {e.Name} index ({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique} name={i.GetDatabaseName()} filter={i.GetFilter()}")))
        .Concat(model.GetRelationalModel().Tables.OrderBy(t => t.Name).SelectMany(t =>
            new[] { $"table {t.Name} pk={t.PrimaryKey?.Name}({string.Join(",", t.PrimaryKey?.Columns.Select(c => c.Name) ?? [])})" }
            .Concat(t.Columns.Select(c => $"  {t.Name}.{c.Name} {c.StoreType} nullable={c.IsNullable}"))
            .Concat(t.Indexes.Select(i => $"  {t.Name} index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}) unique={i.IsUnique} filter={i.Filter}"))
            .Concat(t.ForeignKeyConstraints.Select(f => $"  {t.Name} fk {f.Name} -> {f.PrincipalTable.Name} {f.OnDeleteAction}"))))
        .ToList();

    [Fact]
    public async Task Sqlite_runs_in_wal_mode_with_full_synchronous_writes()
    {
        if (app.Provider != DatabaseProvider.Sqlite) return;
        var (journal, synchronous) = await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var j = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous";
            var s = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            return (j, s);
        });
        Assert.Equal("wal", journal);
        Assert.Equal(2, synchronous); // 2 = FULL
    }

    [Fact]
    public async Task PostgreSql_commits_synchronously()
    {
        if (app.Provider != DatabaseProvider.PostgreSQL) return;
        var setting = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('synchronous_commit') AS \"Value\"").SingleAsync());
        Assert.Equal("on", setting);
    }
}

public sealed class MigrationTests_Sqlite(SqliteApp app) : MigrationTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class MigrationTests_PostgreSql(PostgreSqlApp app) : MigrationTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
