using System.Globalization;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Browser.Tests.Infrastructure;

/// <summary>
/// The whole web app on Kestrel, listening on a free loopback port, on a fresh temporary SQLite
/// database (the same settings as the HTTP-level tests: <see cref="RegistryAppFactory"/>). The
/// administrator is <see cref="RegistryAppFactory.AdminEmail"/> with
/// <see cref="RegistryAppFactory.TestPassword"/>. Plain HTTP is fine: the staff portal accepts it
/// from loopback. Use as a collection fixture; <see cref="DemoBrowserApp"/> adds the demo cohort.
/// </summary>
public class BrowserApp : SqliteApp, IAsyncLifetime
{
    private readonly int _demoPatients;
    private Uri? _baseAddress;

    public BrowserApp() : this(demoPatients: 0) { }

    /// <param name="demoPatients">Size of the synthetic demo cohort to seed; 0 = none (Demo:Enabled=false).</param>
    protected BrowserApp(int demoPatients)
    {
        _demoPatients = demoPatients;
        UseKestrel(0);
    }

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/ (the browser context's base URL).</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The app has not started yet.");

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => _demoPatients > 0
        ? [new("Demo:Enabled", "true"), new("Demo:Patients", _demoPatients.ToString(CultureInfo.InvariantCulture))]
        : [];

    public Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no addresses.");
        _baseAddress = new Uri(addresses.First());
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

/// <summary>The app with a small synthetic demo cohort (Demo:Enabled=true), for pages that show patients or demo content.</summary>
public sealed class DemoBrowserApp() : BrowserApp(demoPatients: 60);
