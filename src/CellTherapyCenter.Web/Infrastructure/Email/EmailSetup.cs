using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Infrastructure.Email;

public static class EmailSetup
{
    /// <summary>The outbox (scoped, shares the request's RegistryDbContext), its wake signal and the dispatcher.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<EmailSignal>();
        services.AddScoped<EmailOutbox>();
        services.AddHostedService<EmailDispatcher>();
        return services;
    }
}
