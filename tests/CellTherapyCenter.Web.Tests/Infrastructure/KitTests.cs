namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>
/// Base of test classes that need a kit beside the app (an SMTP sink, dispatchers, a fake clock),
/// run on every database: each test starts with <see cref="UseDatabaseAsync"/>, which takes that
/// database's app, makes a fresh kit and prepares it; xunit disposes the kit after the test.
/// </summary>
public abstract class KitTests<TKit>(RegistryApps apps) : IClassFixture<RegistryApps>, IAsyncLifetime
    where TKit : class, IAsyncDisposable
{
    private RegistryAppFactory? _app;
    private TKit? _kit;

    protected RegistryAppFactory App => _app ?? throw new InvalidOperationException("A test starts with UseDatabaseAsync.");
    protected TKit Kit => _kit ?? throw new InvalidOperationException("A test starts with UseDatabaseAsync.");

    /// <summary>A new kit on the app.</summary>
    protected abstract TKit CreateKit(RegistryAppFactory app);

    /// <summary>What each test starts from (an empty outbox, reset follow-up state).</summary>
    protected abstract Task PrepareAsync(TKit kit);

    protected Task UseDatabaseAsync(DatabaseProvider database)
    {
        _app = apps[database];
        _kit = CreateKit(_app);
        return PrepareAsync(_kit);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_kit is not null) await _kit.DisposeAsync();
    }
}
