using System.Net;
using System.Text.Json;
using CellTherapyCenter.Web.Features.Fhir.Conformance;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>
/// The registry's profiles, Questionnaire, CodeSystems and ValueSets served by the API on both
/// databases: each passes the offline validator, each is found by its canonical URL, and those
/// URLs are the ones the served clinical resources name (meta.profile, questionnaire, code systems).
/// </summary>
public sealed class ConformanceResourceTests(RegistryApps apps, ITestOutputHelper output) : IClassFixture<RegistryApps>
{
    /// <summary>What docs/fhir.md says the registry publishes.</summary>
    private static readonly string[] Expected =
    [
        "StructureDefinition/alsfrs-r-observation", "StructureDefinition/transplantation-procedure", "Questionnaire/alsfrs-r",
        "CodeSystem/el-escorial", "CodeSystem/gold-coast", "CodeSystem/onset-site", "CodeSystem/alsfrs-r", "CodeSystem/alsfrs-r-score",
        "CodeSystem/alsfrs-r-administration", "CodeSystem/kings-stage", "CodeSystem/ctcae-grade", "CodeSystem/registry", "CodeSystem/input-issue",
        "ValueSet/kings-stage", "ValueSet/alsfrs-r-administration",
    ];

    [Theory, EveryDatabase]
    public async Task Every_definition_is_served_valid_and_found_by_its_url_by_a_client_with_any_scope(DatabaseProvider database)
    {
        var app = apps[database];
        // A client that may only write Observations reads the definitions: they are not patient data.
        var (http, _) = await FhirTestClient.SignedInAsync(app, "system/Observation.write");

        var served = new List<Resource>();
        foreach (var type in ServedDefinitions.Types)
        {
            var all = await FhirSearchFixture.BundleAsync(http, $"/fhir/{type}");
            Assert.Equal(Bundle.BundleType.Searchset, all.Type);
            Assert.Equal(all.Entry.Count, all.Total);
            foreach (var resource in all.Entry.Select(e => e.Resource!))
            {
                var url = ServedDefinitions.Url(resource);
                Assert.NotNull(url);
                Assert.Equal($"{SharedFhirValidator.Canonicals.Base}/{type}/{resource.Id}", url);
                var read = await ReadAsync(http, $"/fhir/{type}/{resource.Id}");
                Assert.True(read.IsExactly(resource), $"{type}/{resource.Id} read differs from its search entry.");
                var byUrl = await FhirSearchFixture.BundleAsync(http, $"/fhir/{type}?url={Uri.EscapeDataString(url)}");
                Assert.Equal(resource.Id, Assert.Single(byUrl.Entry).Resource!.Id);
                var byVersion = await FhirSearchFixture.BundleAsync(http, $"/fhir/{type}?url={Uri.EscapeDataString(url + "|" + ServedDefinitions.Version(read))}");
                Assert.Equal(resource.Id, Assert.Single(byVersion.Entry).Resource!.Id);
                served.Add(read);
            }
        }
        Assert.Equal(Expected.Order(StringComparer.Ordinal), served.Select(r => $"{r.TypeName}/{r.Id}").Order(StringComparer.Ordinal));
        // As stored: the profiles are differentials (the validator expands its own copies, not these).
        Assert.All(served.OfType<StructureDefinition>(), d => Assert.Null(d.Snapshot));

        var errors = new List<string>();
        foreach (var definition in served)
        {
            var (e, w, took) = SharedFhirValidator.Check(definition);
            errors.AddRange(e);
            output.WriteLine($"{definition.TypeName}/{definition.Id}: {e.Count} errors, {w.Count} warnings, {took.TotalMilliseconds:F0} ms");
        }
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Theory, EveryDatabase]
    public async Task The_clinical_resources_name_the_served_definitions_by_their_urls(DatabaseProvider database)
    {
        var app = apps[database];
        await FhirSearchFixture.SeedAsync(app);
        var (http, _) = await FhirTestClient.SignedInAsync(app);

        var alsfrsR = (Observation)await FirstAsync(http, "Observation?code=http://loinc.org|82954-9");
        var procedure = (Procedure)await FirstAsync(http, "Procedure");
        var response = (QuestionnaireResponse)await FirstAsync(http, "QuestionnaireResponse");

        Assert.Equal("alsfrs-r-observation", (await ByUrlAsync(http, "StructureDefinition", Assert.Single(alsfrsR.Meta!.Profile)!)).Id);
        Assert.Equal("transplantation-procedure", (await ByUrlAsync(http, "StructureDefinition", Assert.Single(procedure.Meta!.Profile)!)).Id);
        Assert.Equal("alsfrs-r", (await ByUrlAsync(http, "Questionnaire", response.Questionnaire!)).Id);

        // Every local code system the ALSFRS-R Observation and the response use is served, and knows the code.
        var codings = alsfrsR.Component.SelectMany(c => c.Code.Coding.Concat((c.Value as CodeableConcept)?.Coding ?? []))
            .Concat(alsfrsR.Category.SelectMany(c => c.Coding)).Concat(alsfrsR.Method?.Coding ?? [])
            .Concat(response.Item.SelectMany(i => i.Answer).Select(a => a.Value).OfType<Coding>())
            .Where(c => c.System is not null && c.System.StartsWith(SharedFhirValidator.Canonicals.Base + "/", StringComparison.Ordinal)).ToList();
        Assert.Contains(codings, c => c.System == SharedFhirValidator.Canonicals.AlsfrsRScoreSystem);
        foreach (var system in codings.GroupBy(c => c.System))
        {
            var codeSystem = (CodeSystem)await ByUrlAsync(http, "CodeSystem", system.Key!);
            var known = Flatten(codeSystem.Concept).ToHashSet(StringComparer.Ordinal);
            Assert.All(system, c => Assert.True(known.Contains(c.Code!), $"{system.Key} has no code {c.Code}."));
        }
    }

    [Theory, EveryDatabase]
    public async Task Unknown_ids_and_search_parameters_are_refused_with_an_operation_outcome_and_audited(DatabaseProvider database)
    {
        var app = apps[database];
        var (http, clientId) = await FhirTestClient.SignedInAsync(app);

        foreach (var (url, status) in new[]
        {
            ("/fhir/StructureDefinition/no-such-profile", HttpStatusCode.NotFound),
            ("/fhir/Questionnaire/alsfrs", HttpStatusCode.NotFound),
            ("/fhir/CodeSystem?name=el-escorial", HttpStatusCode.BadRequest),
            ("/fhir/ValueSet?url:below=http://localhost:5000/fhir", HttpStatusCode.BadRequest),
            ("/fhir/StructureDefinition?url=a&url=b", HttpStatusCode.BadRequest),
            ("/fhir/StructureDefinition?url=", HttpStatusCode.BadRequest),
            ("/fhir/Questionnaire?_count=10", HttpStatusCode.BadRequest),
        })
        {
            using var answer = await http.GetAsync(url);
            var outcome = JsonSerializer.Deserialize<Resource>(await answer.Content.ReadAsStringAsync(), FhirResults.Json);
            Assert.True(answer.StatusCode == status && outcome is OperationOutcome, $"{url}: {(int)answer.StatusCode}");
        }
        var refusals = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == FhirAuditActions.Refused && a.UserId == FhirClientAccess.ClientIdPrefix + clientId));
        Assert.Equal(7, refusals);

        var none = await FhirSearchFixture.BundleAsync(http, "/fhir/StructureDefinition?url=" + Uri.EscapeDataString("http://elsewhere.example/StructureDefinition/alsfrs-r-observation"));
        Assert.Equal((0, 0), (none.Total, none.Entry.Count));
        var wrongVersion = await FhirSearchFixture.BundleAsync(http, "/fhir/StructureDefinition?url=" + Uri.EscapeDataString(SharedFhirValidator.Canonicals.AlsfrsRObservationProfile + "|999"));
        Assert.Empty(wrongVersion.Entry);

        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/fhir/Questionnaire/alsfrs-r")).StatusCode);

        using var metadata = await anonymous.GetAsync("/fhir/metadata");
        var statement = JsonSerializer.Deserialize<CapabilityStatement>(await metadata.Content.ReadAsStringAsync(), FhirResults.Json)!;
        foreach (var type in ServedDefinitions.Types)
        {
            var entry = statement.Rest[0].Resource.Single(r => r.Type == type);
            Assert.Equal(new CapabilityStatement.TypeRestfulInteraction?[] { CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType }, entry.Interaction.Select(i => i.Code));
            Assert.Contains(entry.SearchParam, p => p.Name == "url" && p.Type == SearchParamType.Uri);
        }
    }

    private static async Task<Resource> ReadAsync(HttpClient http, string url)
    {
        using var answer = await http.GetAsync(url);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{url}: {(int)answer.StatusCode} {text[..Math.Min(300, text.Length)]}");
        Assert.Equal(FhirResults.ContentType, answer.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<Resource>(text, FhirResults.Json)!;
    }

    private static async Task<Resource> FirstAsync(HttpClient http, string search)
    {
        var bundle = await FhirSearchFixture.BundleAsync(http, $"/fhir/{search}{(search.Contains('?', StringComparison.Ordinal) ? '&' : '?')}_count=1");
        Assert.True(bundle.Entry.Count == 1, $"The demo registry gave no {search}.");
        return bundle.Entry[0].Resource!;
    }

    private static async Task<Resource> ByUrlAsync(HttpClient http, string type, string url)
    {
        var bundle = await FhirSearchFixture.BundleAsync(http, $"/fhir/{type}?url={Uri.EscapeDataString(url)}");
        return Assert.Single(bundle.Entry).Resource!;
    }

    private static IEnumerable<string> Flatten(IEnumerable<CodeSystem.ConceptDefinitionComponent> concepts) =>
        concepts.SelectMany(c => new[] { c.Code! }.Concat(Flatten(c.Concept)));
}
