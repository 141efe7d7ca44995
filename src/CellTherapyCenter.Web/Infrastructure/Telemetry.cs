using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// OpenTelemetry tracing and metrics, off unless <c>Telemetry:Enabled</c> is true. Then requests,
/// outgoing HTTP calls and EF Core commands are traced and the app's own counters measured, and
/// both go to <c>Telemetry:Exporter</c>: <c>console</c> (the default), <c>otlp</c> (the standard
/// <c>OTEL_EXPORTER_OTLP_*</c> variables say where) or <c>none</c>. No personal data leaves:
/// query strings (search terms are patient names), SQL text and parameters are dropped from every
/// span by <see cref="PersonalDataScrubber"/> before any exporter sees it.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "CellTherapyCenter";

    /// <summary>The app's own instruments; counters add to it in the code that counts.</summary>
    public static readonly Meter Meter = new(ServiceName);

    public static readonly Counter<long> EmailsSent =
        Meter.CreateCounter<long>("ctc.email.sent", "{message}", "Transactional emails handed to the SMTP server.");

    public static readonly Counter<long> EmailsFailed =
        Meter.CreateCounter<long>("ctc.email.failed", "{attempt}", "Attempts to send a transactional email that failed.");

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Telemetry");
        if (!section.GetValue<bool>("Enabled")) return services;
        var exporter = (section["Exporter"] ?? "console").Trim().ToLowerInvariant();
        if (exporter is not ("console" or "otlp" or "none"))
            throw new InvalidOperationException($"Telemetry:Exporter must be console, otlp or none, not '{exporter}'.");

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(o => o.RecordException = false)
                    .AddHttpClientInstrumentation(o => o.RecordException = false)
                    // Records parameter values only if OTEL_DOTNET_EXPERIMENTAL_EFCORE_ENABLE_TRACE_DB_QUERY_PARAMETERS
                    // is set; the scrubber removes them even then.
                    .AddEntityFrameworkCoreInstrumentation()
                    // Processors run in the order added: the scrubber before any exporter.
                    .AddProcessor(new PersonalDataScrubber());
                if (exporter == "console") tracing.AddConsoleExporter();
                if (exporter == "otlp") tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter(ServiceName);
                if (exporter == "console") metrics.AddConsoleExporter();
                if (exporter == "otlp") metrics.AddOtlpExporter();
            });
        return services;
    }
}

/// <summary>
/// Removes from each finished span the attributes that can carry personal data: the query string
/// (<c>?q=</c> holds a patient's name), full URLs with their query, SQL statement text and SQL
/// parameters, and the client's address. What remains names the route, status and timing.
/// </summary>
public sealed class PersonalDataScrubber : BaseProcessor<Activity>
{
    private static readonly string[] Dropped =
    [
        "url.query", "http.target", "db.statement", "db.query.text", "client.address", "enduser.id",
    ];

    private static readonly string[] UrlsWithoutQuery = ["url.full", "http.url"];

    public override void OnEnd(Activity data)
    {
        foreach (var key in Dropped) data.SetTag(key, null);
        foreach (var key in UrlsWithoutQuery)
        {
            if (data.GetTagItem(key) is string url && url.IndexOf('?', StringComparison.Ordinal) is var at and >= 0)
                data.SetTag(key, url[..at]);
        }
        var parameters = data.TagObjects.Where(t => t.Key.StartsWith("db.query.parameter.", StringComparison.Ordinal)).Select(t => t.Key).ToList();
        foreach (var key in parameters) data.SetTag(key, null);
    }
}
