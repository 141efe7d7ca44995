using CellTherapyCenter.Data.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CellTherapyCenter.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRegistryDbContext>
{
    public SqliteRegistryDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteRegistryDbContext>();
        options.UseSqlite("Data Source=design-time.db");
        return new SqliteRegistryDbContext(options.Options, SystemActor.Instance, TimeProvider.System);
    }
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlRegistryDbContext>
{
    public PostgreSqlRegistryDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlRegistryDbContext>();
        options.UseNpgsql("Host=localhost;Database=design_time");
        return new PostgreSqlRegistryDbContext(options.Options, SystemActor.Instance, TimeProvider.System);
    }
}
