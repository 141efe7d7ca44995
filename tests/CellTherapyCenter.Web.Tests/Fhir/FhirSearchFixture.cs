using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.Demo;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>
/// The demo registry seeded once per app (a test class's fixture on each database), and the calls
/// the read and search tests make: an answer as JSON, a Bundle, and walking a search's next links.
/// </summary>
public static class FhirSearchFixture
{
    public static readonly DateOnly DataDate = new(2026, 6, 1);

    private static readonly ConditionalWeakTable<RegistryAppFactory, Task> Seeded = [];

    /// <summary>Seeds the small demo registry into this app's database, once however many tests ask.</summary>
    public static Task SeedAsync(RegistryAppFactory app)
    {
        lock (Seeded)
            return Seeded.GetValue(app, SeedNowAsync);
    }

    private static async Task SeedNowAsync(RegistryAppFactory app)
    {
        _ = app.Server;
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoCohortSeeder>()
            .SeedAsync(new DemoCohortOptions { Patients = 4, Seed = 11, DataDate = DataDate, NaturalHistorySubjects = 0 }, CancellationToken.None);
    }

    public static async Task<(HttpStatusCode Status, string? ContentType, JsonObject Body)> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.StartsWith('{'), $"{(int)response.StatusCode} {url}: {text[..Math.Min(300, text.Length)]}");
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonNode.Parse(text)!.AsObject());
    }

    public static async Task<Bundle> BundleAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {url}: {text[..Math.Min(600, text.Length)]}");
        return JsonSerializer.Deserialize<Bundle>(text, FhirResults.Json)!;
    }

    /// <summary>Every page of a search, following the next links to the end.</summary>
    public static async Task<List<Bundle>> WalkAsync(HttpClient http, string url)
    {
        var pages = new List<Bundle>();
        for (string? next = url; next is not null;)
        {
            var page = await BundleAsync(http, next);
            pages.Add(page);
            next = page.Link.FirstOrDefault(l => l.Relation == "next")?.Url;
            Assert.True(pages.Count < 200, "The next links do not end.");
        }
        return pages;
    }

    public static IEnumerable<Resource> Matches(this IEnumerable<Bundle> pages) =>
        pages.SelectMany(p => p.Entry).Where(e => e.Search?.Mode == Bundle.SearchEntryMode.Match).Select(e => e.Resource!);

    public static IEnumerable<Resource> Included(this IEnumerable<Bundle> pages) =>
        pages.SelectMany(p => p.Entry).Where(e => e.Search?.Mode == Bundle.SearchEntryMode.Include).Select(e => e.Resource!);
}
