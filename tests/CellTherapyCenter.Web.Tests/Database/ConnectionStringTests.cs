using CellTherapyCenter.Data;
using Npgsql;

namespace CellTherapyCenter.Web.Tests.Database;

public sealed class ConnectionStringTests
{
    [Fact]
    public void PostgreSql_pins_durability_and_prepares_repeated_queries()
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgreSqlConnectionString("Host=db;Username=ctc"));
        Assert.Contains("-c synchronous_commit=on", built.Options);
        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose);
    }

    [Fact]
    public void PostgreSql_keeps_what_the_operator_set()
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgreSqlConnectionString(
            "Host=db;Username=ctc;Max Auto Prepare=5;No Reset On Close=false;Options=-c statement_timeout=5000"));
        Assert.Equal(5, built.MaxAutoPrepare);
        Assert.False(built.NoResetOnClose);
        Assert.Equal("-c statement_timeout=5000 -c synchronous_commit=on", built.Options);
    }
}
