namespace CellTherapyCenter.Web.Features.Fhir.Export;

/// <summary>The audit actions of the bulk export (the export itself is <c>AuditActions.Export</c>).</summary>
public static class BulkExportAudit
{
    public const string KickOff = "fhir-export-kickoff";
    public const string Download = "fhir-export-download";
    public const string Cancel = "fhir-export-cancel";
    public const string EntityType = "BulkExport";
}

public static class BulkExportSetup
{
    /// <summary>Settings (Fhir:Export), the wake signal and the worker (one per instance, also a hosted service).</summary>
    public static IServiceCollection AddFhirBulkExport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BulkExportOptions>().Bind(configuration.GetSection(BulkExportOptions.Section))
            .Validate(o => !o.Problems().Any(), "Fhir:Export settings are not valid: LeaseSeconds and BatchSize at least 1, MaxResourcesPerFile at least 1, PollSeconds positive, Expiry and MaxResourcesPerSecond not negative.")
            .ValidateOnStart();
        services.AddSingleton<BulkExportSignal>();
        services.AddSingleton<BulkExportWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<BulkExportWorker>());
        return services;
    }
}
