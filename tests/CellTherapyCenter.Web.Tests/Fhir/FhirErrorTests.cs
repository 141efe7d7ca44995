using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>Every error under /fhir is an OperationOutcome as application/fhir+json with its status, never a page or a stack trace.</summary>
public sealed class FhirErrorTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private const string Secret = "a detail the client must never see";

    private static async Task<JsonObject> OutcomeAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} instead of {(int)status}: {text[..Math.Min(text.Length, 400)]}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("OperationOutcome", (string?)body["resourceType"]);
        Assert.Equal("error", (string?)body["issue"]![0]!["severity"]);
        return body;
    }

    [Theory, EveryDatabase]
    public async Task Each_error_status_is_an_operation_outcome(DatabaseProvider database)
    {
        var app = apps[database];
        var (http, _) = await FhirTestClient.SignedInAsync(app);
        using var anonymous = app.CreateClient();
        var (observationsOnly, _) = await FhirTestClient.SignedInAsync(app, "system/Observation.rs");

        await OutcomeAsync(await http.GetAsync("/fhir/Observation?foo=bar"), HttpStatusCode.BadRequest);
        await OutcomeAsync(await http.GetAsync("/fhir/Observation?code=%00"), HttpStatusCode.BadRequest);
        await OutcomeAsync(await anonymous.GetAsync("/fhir/Observation"), HttpStatusCode.Unauthorized);
        await OutcomeAsync(await observationsOnly.GetAsync($"/fhir/Condition/{Guid.NewGuid()}"), HttpStatusCode.Forbidden);
        await OutcomeAsync(await http.GetAsync($"/fhir/Condition/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await OutcomeAsync(await http.GetAsync("/fhir/NoSuchType/1"), HttpStatusCode.NotFound);
        await OutcomeAsync(await anonymous.GetAsync("/fhir/no/such/address"), HttpStatusCode.NotFound);
        await OutcomeAsync(await http.DeleteAsync($"/fhir/Condition/{Guid.NewGuid()}"), HttpStatusCode.MethodNotAllowed);
        await OutcomeAsync(await http.PatchAsync("/fhir/Observation", new StringContent("{}", null, "application/fhir+json")), HttpStatusCode.MethodNotAllowed);

        using var xml = new HttpRequestMessage(HttpMethod.Get, "/fhir/metadata");
        xml.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+xml"));
        await OutcomeAsync(await anonymous.SendAsync(xml), HttpStatusCode.NotAcceptable);
        await OutcomeAsync(await http.GetAsync("/fhir/Observation?_format=xml"), HttpStatusCode.NotAcceptable);
        await OutcomeAsync(await http.PostAsync("/fhir/Observation", new StringContent("<Observation/>", null, "application/fhir+xml")), HttpStatusCode.UnsupportedMediaType);

        // A browser asking for a page still gets the OperationOutcome, not the staff portal's error page.
        using var browser = app.CreateClient();
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        await OutcomeAsync(await browser.GetAsync("/fhir/Patient"), HttpStatusCode.Unauthorized);
        await OutcomeAsync(await browser.GetAsync("/fhir/nothing"), HttpStatusCode.NotFound);
    }

    [Theory, EveryDatabase]
    public async Task An_exception_answers_500_with_no_detail(DatabaseProvider database)
    {
        // The audit actor fails for requests that carry a test header, as a broken dependency would,
        // inside the real pipeline: the refusal's audit line of a 404 is where it is met.
        using var failing = apps[database].WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddScoped<IAuditActor>(sp => new FailingActor(new HttpAuditActor(sp.GetRequiredService<IHttpContextAccessor>()), sp.GetRequiredService<IHttpContextAccessor>()))));
        using var http = failing.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/fhir/Condition/{Guid.NewGuid()}");
        request.Headers.Add("X-Test-Fail", "1");
        var body = await OutcomeAsync(await http.SendAsync(request), HttpStatusCode.InternalServerError);
        Assert.Equal("exception", (string?)body["issue"]![0]!["code"]);
        Assert.DoesNotContain(Secret, body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body.ToJsonString(), StringComparison.Ordinal);
    }

    private sealed class FailingActor(IAuditActor inner, IHttpContextAccessor accessor) : IAuditActor
    {
        private bool Fails => accessor.HttpContext?.Request.Headers.ContainsKey("X-Test-Fail") == true;
        public string? UserId => Fails ? throw new InvalidOperationException(Secret) : inner.UserId;
        public string? UserName => inner.UserName;
        public string? RemoteAddress => inner.RemoteAddress;
    }
}
