global using DatabaseProvider = CellTherapyCenter.Data.DatabaseProvider;
using System.Reflection;
using Xunit.Sdk;

namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>
/// Runs a theory once on each database the registry supports, with the provider as its first
/// argument (so the test name shows it): <c>[Theory, EveryDatabase]</c> for a test with no data of
/// its own, one <c>[EveryDatabase(arguments)]</c> per row in place of <c>[InlineData]</c>. The test
/// takes its app from the class fixture: <c>app = apps[database]</c> (<see cref="RegistryApps"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class EveryDatabaseAttribute(params object?[] data) : DataAttribute
{
    public static IReadOnlyList<DatabaseProvider> Providers { get; } = Enum.GetValues<DatabaseProvider>();

    public override IEnumerable<object?[]> GetData(MethodInfo testMethod) =>
        Providers.Select(provider => (object?[])[provider, .. data]);
}

/// <summary><see cref="MemberDataAttribute"/> run on each database: every row once per provider, the provider first.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class EveryDatabaseMemberDataAttribute(string memberName) : DataAttribute
{
    public override IEnumerable<object?[]> GetData(MethodInfo testMethod)
    {
        var rows = new MemberDataAttribute(memberName).GetData(testMethod).ToList();
        return EveryDatabaseAttribute.Providers.SelectMany(provider => rows.Select(row => (object?[])[provider, .. row]));
    }
}
