using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>How the test factory sets up the app's host, where that matters to the suite as a whole.</summary>
public sealed class TestHostTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void A_test_host_reads_its_settings_files_once_and_watches_none()
    {
        // A watcher per settings file per host used up Linux's 128 inotify instances when many test apps
        // were alive at once: hosts then failed to start (RegistryAppFactory's static constructor).
        var configuration = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<JsonConfigurationProvider>().ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, f.Source.Path));
    }
}
