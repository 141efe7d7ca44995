using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace CellTherapyCenter.Web.Tests.Security;

/// <summary>The app with telemetry on, its spans kept in memory after the app's own processors.</summary>
public sealed class TelemetryApp : SqliteApp
{
    public LockedSpans Spans { get; } = new();

    /// <summary>Completes when the server span of a request to the path has ended (been exported).</summary>
    public RequestEnded Ended { get; } = new();

    // ASP.NET Core's own redaction switched off, as an operator could: the query string is then
    // recorded whole, and only the app's scrubber stands between the search term and the exporter.
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Telemetry:Enabled", "true"), new("Telemetry:Exporter", "none"),
        new("OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION", "true"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans).AddProcessor(Ended)));
    }

    /// <summary>The exporter adds from request threads; the test reads a copy taken under the same lock.</summary>
    public sealed class LockedSpans : Collection<Activity>
    {
        private readonly Lock _lock = new();

        protected override void InsertItem(int index, Activity item)
        {
            lock (_lock) base.InsertItem(index, item);
        }

        public List<Activity> Snapshot()
        {
            lock (_lock) return [.. this];
        }
    }

    public sealed class RequestEnded : BaseProcessor<Activity>
    {
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Path { get; set; } = "";

        public Task Task => _ended.Task;

        // The server span ends after the response has reached the client, so the test waits for it.
        public override void OnEnd(Activity data)
        {
            if (data.Source.Name == "Microsoft.AspNetCore" && data.GetTagItem("url.path") as string == Path) _ended.TrySetResult();
        }
    }
}

public sealed class TelemetryTests(TelemetryApp app) : IClassFixture<TelemetryApp>
{
    private const string SearchTerm = "Petrović";

    [Fact]
    public async Task A_patient_search_is_traced_without_the_search_term()
    {
        await app.WithDbAsync(async db =>
        {
            db.Patients.Add(Arrange.Patient(SearchTerm, "Milica"));
            return await db.SaveChangesAsync();
        });
        var client = await app.SignedInClientAsync(StaffRoles.Coordinator);
        app.Ended.Path = "/staff/patients";

        var response = await client.GetAsync("/staff/patients?q=" + Uri.EscapeDataString(SearchTerm));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Milica", await response.Content.ReadAsStringAsync());
        await app.Ended.Task.WaitAsync(TimeSpan.FromMinutes(1));

        var spans = app.Spans.Snapshot();
        Assert.Contains(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.GetTagItem("url.path") as string == "/staff/patients");
        Assert.Contains(spans, s => s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
        // The stem also catches the term lower- or upper-cased (as the query sends it) and percent-encoded.
        var leaks = spans
            .SelectMany(s => s.TagObjects.Select(t => $"{s.DisplayName}: {t.Key}={t.Value}").Append(s.DisplayName))
            .Where(text => text.Contains("Petrovi", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.Empty(leaks);
    }
}
