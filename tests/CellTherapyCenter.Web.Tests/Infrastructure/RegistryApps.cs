namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>
/// The class fixture of tests that run on every database (<see cref="EveryDatabaseAttribute"/>):
/// one app per provider, created when a test first asks for it and disposed with the class, so
/// each test class still has a fresh database of its own on each provider.
/// </summary>
public sealed class RegistryApps : IDisposable
{
    private readonly Dictionary<DatabaseProvider, Lazy<RegistryAppFactory>> _apps = EveryDatabaseAttribute.Providers
        .ToDictionary(p => p, p => new Lazy<RegistryAppFactory>(() => Create(p)));

    public RegistryAppFactory this[DatabaseProvider provider] => _apps[provider].Value;

    private static RegistryAppFactory Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteApp(),
        DatabaseProvider.PostgreSQL => new PostgreSqlApp(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "No test app for this provider."),
    };

    public void Dispose()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated)) app.Value.Dispose();
    }
}
