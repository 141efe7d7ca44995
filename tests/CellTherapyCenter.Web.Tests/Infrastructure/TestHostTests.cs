using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>How the test factory sets up the app's host, where that matters to the suite as a whole.</summary>
public sealed class TestHostTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void A_test_host_reads_its_settings_files_once_and_polls_its_web_root_instead_of_watching_them()
    {
        // A watcher per settings file per host used up Linux's 128 inotify instances when many test apps
        // were alive at once: hosts then failed to start (RegistryAppFactory's static constructor).
        var configuration = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<JsonConfigurationProvider>().ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, f.Source.Path));
        // asp-append-version watches the files it versions through the web root's provider.
        var webRoot = Assert.IsType<PhysicalFileProvider>(app.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider);
        Assert.True(webRoot.UsePollingFileWatcher);
    }
}
