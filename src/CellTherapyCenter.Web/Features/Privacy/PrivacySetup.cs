using CellTherapyCenter.Web.Features.Portal.Privacy;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Privacy;

public static class PrivacySetup
{
    /// <summary>The retention pass (in the background and for <c>privacy-pass</c>), its options, and the erasure service.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        services.AddScoped<PatientErasure>();
        services.AddSingleton<RetentionPass>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionPass>());
        return services;
    }

    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        app.MapPatientExport();
        app.MapMyData();
        return app;
    }
}
