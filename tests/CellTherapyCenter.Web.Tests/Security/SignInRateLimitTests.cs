using System.Net;
using CellTherapyCenter.Web.Tests.Infrastructure;

namespace CellTherapyCenter.Web.Tests.Security;

public sealed class RateLimitedSqliteApp : RegistryAppFactory
{
    public override CellTherapyCenter.Data.DatabaseProvider Provider => CellTherapyCenter.Data.DatabaseProvider.Sqlite;
    protected override string CreateDatabase() => $"Data Source={Path.Combine(TempDirectory, "registry.db")};Pooling=False";
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("RateLimits:SignInPerMinute", "3")];
}

public sealed class SignInRateLimitTests(RateLimitedSqliteApp app) : IClassFixture<RateLimitedSqliteApp>
{
    [Fact]
    public async Task Past_the_limit_the_sign_in_page_answers_429_saying_when_to_retry()
    {
        var client = app.CreateBrowserClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/login")).StatusCode);

        var refused = await client.GetAsync("/staff/login");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("try again in", await refused.Content.ReadAsStringAsync());
    }
}
