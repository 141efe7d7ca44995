using System.Diagnostics;
using System.Text.RegularExpressions;
using CellTherapyCenter.Web.Tests.Authorization;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CsCheck;
using Xunit.Abstractions;

namespace CellTherapyCenter.Web.Tests.Fuzz;

/// <summary>
/// Every page route the app serves (discovered, as <see cref="FormCatalogue"/> does), GET with
/// random names and values appended and, one case in four, random route parameters: never a 5xx
/// (issue 16, item 5). Each page is asked for as a role that may see it.
/// </summary>
public sealed partial class QueryStringFuzzTests(RegistryApps apps, ITestOutputHelper output) : IClassFixture<RegistryApps>
{
    private const string? Seed = null;

    /// <summary>
    /// Pages left out: those whose GET ends the client's session (later cases would all be the
    /// sign-in redirect), and the error page, which answers with the status it describes (/error is a 500 page).
    /// </summary>
    private static readonly string[] Skipped = ["/staff/logout", "/portal/sign-out", "/error/{status:int?}"];

    /// <summary>Names the pages read, so a good share of cases reach real parameters.</summary>
    private static readonly string[] Names =
        ["q", "p", "page", "size", "sort", "dir", "status", "stage", "kind", "view", "from", "to", "id", "patientId", "userName", "action", "entityType",
         "assigned", "includeClosed", "olderThanDays", "withinDays", "overdueDays", "lastVisitFrom", "culture", "returnUrl", "handler", "step", "token", "email", "code"];

    private static readonly Gen<string> Name = Gen.Frequency((3, FormFuzzTests.Pick(Names)), (1, FormFuzzTests.Text));

    [Theory, EveryDatabase]
    public async Task No_query_string_on_any_page_gives_a_500(DatabaseProvider database)
    {
        var app = apps[database];
        var world = await FormWorld.ArrangeAsync(app);
        var pages = FormCatalogue.PageRoutes(app).Where(p => !Skipped.Contains(p.Pattern)).ToList();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in pages.Select(p => FormCatalogue.RoleFor(p.Access) ?? "").Distinct())
            clients[role] = await FormCatalogue.ClientAsync(app, role == "" ? null : role, world);
        var iterations = FormProperties.RequestIterations(database);
        var clock = Stopwatch.StartNew();
        var gen = Gen.Select(Gen.Int[0, pages.Count - 1], Gen.Int[0, 3], Gen.Select(Name, FormFuzzTests.Text).Array[0, 6], FormFuzzTests.Text.Array[3]);
        await gen.SampleAsync(async t =>
        {
            var (index, randomRoute, query, routeValues) = t;
            var (pattern, access) = pages[index];
            var templates = FormWorld.Templates(pattern);
            // A NUL in the path is refused by the server before the app (Kestrel: 400); the test server throws in the client instead, so random route values have none.
            var path = randomRoute == 0
                ? Parameter().Replace(pattern, m => Uri.EscapeDataString(Trimmed(routeValues[m.Index % routeValues.Length]).Replace("\0", "", StringComparison.Ordinal)))
                : world.Fill(templates[routeValues[0].Length % templates.Count]);
            var url = path + "?" + string.Join("&", query.Select(q => Uri.EscapeDataString(Trimmed(q.Item1)) + "=" + Uri.EscapeDataString(Trimmed(q.Item2))));
            using var response = await clients[FormCatalogue.RoleFor(access) ?? ""].GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {FormProperties.Escaped(url)}");
        }, writeLine: output.WriteLine, seed: Seed, iter: iterations, threads: 1);
        output.WriteLine($"{iterations} query strings over {pages.Count} page routes on {database} in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var client in clients.Values) client.Dispose();
    }

    /// <summary>A query string stays under the server's request-line limit; very long values are the forms' case.</summary>
    private static string Trimmed(string value) => value.Length > 300 ? value[..300] : value;

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
