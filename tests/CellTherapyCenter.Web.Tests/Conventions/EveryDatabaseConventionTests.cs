using CellTherapyCenter.Web.Tests.Infrastructure;

namespace CellTherapyCenter.Web.Tests.Conventions;

/// <summary>
/// A test that needs a database runs on every one through <see cref="EveryDatabaseAttribute"/> and
/// <see cref="RegistryApps"/>: a hand-written pair (an abstract <c>FooTests&lt;TApp&gt;</c> with a
/// <c>_Sqlite</c> and a <c>_PostgreSql</c> subclass) is how a provider gets forgotten, so it fails here.
/// </summary>
public sealed class EveryDatabaseConventionTests
{
    // The data engineer's migration tests (Database/) move to the new Data project in issue 13;
    // they convert with it. Nothing else may be listed here.
    private static readonly HashSet<string> NotYetConverted =
    [
        "CellTherapyCenter.Web.Tests.Database.MigrationTests_Sqlite",
        "CellTherapyCenter.Web.Tests.Database.MigrationTests_PostgreSql",
    ];

    private static IEnumerable<Type> TestClasses(params Type[] fromAssemblyOf) => fromAssemblyOf
        .SelectMany(t => t.Assembly.GetTypes())
        .Where(t => t is { IsClass: true, IsAbstract: false } && !NotYetConverted.Contains(t.FullName!));

    private static IEnumerable<Type> BaseTypes(Type type)
    {
        for (var b = type.BaseType; b is not null; b = b.BaseType) yield return b;
    }

    [Fact]
    public void No_test_class_derives_from_a_test_class_generic_over_the_app()
    {
        var pairs = TestClasses(typeof(EveryDatabaseConventionTests))
            .Where(t => BaseTypes(t).Any(b => b.IsGenericType && b.GetGenericArguments().Any(a => typeof(RegistryAppFactory).IsAssignableFrom(a))))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(pairs.Count == 0,
            "Run the tests on every database with [Theory, EveryDatabase] and the RegistryApps fixture instead of a pair of classes: " + string.Join(", ", pairs));
    }

    [Fact]
    public void Only_RegistryApps_holds_a_PostgreSQL_app()
    {
        var direct = TestClasses(typeof(EveryDatabaseConventionTests))
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>)
                && typeof(PostgreSqlApp).IsAssignableFrom(i.GetGenericArguments()[0])))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(direct.Count == 0,
            "A test that needs PostgreSQL runs on every database ([Theory, EveryDatabase], IClassFixture<RegistryApps>): " + string.Join(", ", direct));
    }
}
