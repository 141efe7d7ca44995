using CellTherapyCenter.Web.Features.Portal.SelfReport;
using CellTherapyCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Portal;

public static class PortalSetup
{
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddAuthorization(PortalAccess.Add);
        services.AddScoped<PortalSession>();
        services.AddScoped<PortalInvitations>();
        services.AddScoped<PortalQuestionnaires>();
        services.AddScoped<SelfReportText>();
        services.AddScoped<ChangeSinceText>();
        services.AddScoped<Accounts.PortalPasswordResets>();
        // A portal user's language choice is stored on their account, so it follows them to another device.
        services.AddScoped<LanguageEndpoint.LanguageChosen>(sp => async (context, language, ct) =>
        {
            var session = context.RequestServices.GetRequiredService<PortalSession>();
            if (await session.AccountAsync(ct) is not { } account || account.Language == language.Culture) return;
            var db = context.RequestServices.GetRequiredService<Data.RegistryDbContext>();
            var tracked = await db.PortalAccounts.SingleAsync(a => a.Id == account.Id, ct);
            tracked.Language = language.Culture;
            await PortalLanguage.SyncPatientAsync(db, tracked, language, ct);
            await db.SaveChangesAsync(ct);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        PortalEndpoints.Map(app);
        return app;
    }
}
