using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.FollowUp;

public static class FollowUpSetup
{
    public static IServiceCollection AddFollowUp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FollowUpOptions>().Bind(configuration.GetSection(FollowUpOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FollowUpOptions>, FollowUpOptionsValidator>();
        services.AddScoped<FollowUpSchedule>();
        services.AddSingleton<FollowUpScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<FollowUpScheduler>());
        return services;
    }
}
