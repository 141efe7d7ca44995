using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Accounts;
using CellTherapyCenter.Web.Features.AlsfrsCalculator;
using CellTherapyCenter.Web.Features.Analytics;
using CellTherapyCenter.Web.Features.Backup;
using CellTherapyCenter.Web.Features.Errors;
using CellTherapyCenter.Web.Features.Fhir;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Features.Inquiries;
using CellTherapyCenter.Web.Features.Outcomes;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Features.Patients.Summary;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Features.Privacy;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Infrastructure.Localization;
using CellTherapyCenter.Web.Infrastructure.Numbers;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using CellTherapyCenter.Web.Infrastructure.Uploads;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>Service registration and the request pipeline, kept out of Program.cs.</summary>
public static class AppSetup
{
    public static WebApplicationBuilder AddCellTherapyCenter(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // No "Server: Kestrel": naming the server helps nobody but someone choosing an exploit.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddTelemetry(builder.Configuration);
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<AuditLog>();
        services.AddScoped<PatientReadAudit>();
        services.AddRegistryDatabase(builder.Configuration);
        services.AddEmail(builder.Configuration);
        Features.Fhir.Conformance.FhirConformanceSetup.AddFhirConformance(services, builder.Configuration);

        services.AddIdentityCore<StaffUser>(o =>
            {
                // Length and a list of common passwords (CommonPasswordValidator), no composition rules: ASVS 4.0.3
                // V2.1.9 (and NIST SP 800-63B 5.1.1.2) forbid asking for digits, cases or symbols, which push people
                // to predictable patterns ("Password1") rather than long phrases.
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                // Wrong passwords back off per account in SignInAttempts (1, 2, 4 ... up to 15 minutes); these
                // apply to what Identity counts itself (second-factor codes).
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<RegistryDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddStaffAccounts(builder.Configuration, builder.Environment);
        // Role changes and lockouts reach signed-in sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/staff/login";
            o.LogoutPath = "/staff/logout";
            o.AccessDeniedPath = "/staff/access-denied";
            o.Cookie.Name = "ctc.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // plain HTTP only from loopback: StaffTransportSecurity
            o.Cookie.SameSite = SameSiteMode.Strict;
            // The cookie never outlives the absolute lifetime; idle timeouts and sign-out are checked on
            // the server, against the session row (Infrastructure/Sessions), on every request.
            o.ExpireTimeSpan = TimeSpan.FromHours(builder.Configuration.GetValue("Sessions:AbsoluteHours", 12));
            o.SlidingExpiration = false;
            // API callers get status codes, not a redirect to a sign-in page.
            o.Events.OnRedirectToLogin = c => Redirect(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Redirect(c, StatusCodes.Status403Forbidden);
        });
        services.AddSessions(builder.Configuration);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ctc.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthorization(StaffPolicies.Add);
        services.AddFormRateLimits(builder.Configuration);
        services.AddUploads(builder.Configuration);
        services.AddTransportSecurity(builder.Configuration);
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.ModelBinderProviders.Insert(0, new BooleanInputBinderProvider()));
        services.AddSiteLocalization();
        services.AddRazorPages(o => o.RootDirectory = "/Features").AddMvcOptions(o => o.AddNumberInputs().Filters.Add<ReadAuditPageFilter>());
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddScoped<DatabaseInitialiser>();
        services.AddScoped<CellTherapyCenter.Web.Features.Demo.DemoCohortSeeder>();
        services.AddPatientFeatures();
        services.AddPublicSite(builder.Configuration);
        services.AddPublicPageCompression();
        services.AddOutcomes();
        services.AddFollowUp(builder.Configuration);
        services.AddPortal();
        services.AddPrivacy(builder.Configuration);
        services.AddBackup(builder.Configuration, builder.Environment);
        services.AddFhirSmart(builder.Configuration);
        Features.Fhir.Export.BulkExportSetup.AddFhirBulkExport(services, builder.Configuration);
        return builder;
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> c, int status)
    {
        // The portal has its own sign-in page, in the visitor's language (a staff member who opens
        // the portal is refused like anywhere else their role does not reach).
        if (status == StatusCodes.Status401Unauthorized && c.Request.Path.StartsWithSegments("/portal"))
        {
            c.Response.Redirect(QueryHelpers.AddQueryString("/portal/sign-in", "ReturnUrl", c.Request.Path + c.Request.QueryString));
            return Task.CompletedTask;
        }
        if (c.Request.Path.StartsWithSegments("/api"))
        {
            c.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync(app.Lifetime.ApplicationStopping);
    }

    public static WebApplication UseCellTherapyCenter(this WebApplication app)
    {
        app.UseFhirErrors();
        app.UseErrorResponses();
        app.UseSecurityHeaders();
        app.UseStaffTransportSecurity();
        app.UseFhirTransportSecurity();
        app.UseStaticFiles();
        app.UseSiteLocalization();
        app.UseRouting();
        app.UseRouteErrors();
        app.UseNulCharacterRefusal();
        app.UseAuthentication();
        app.UseSignedInRouteErrors();
        app.UseAuthorization();
        app.UseStaffAccountSetup();
        app.UseRateLimiter();
        app.UseOutputCache();
        app.UsePublicPageCompression();
        app.UseAntiforgery();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        app.MapLanguageEndpoint();
        app.MapAlsfrsRScore();
        app.MapPatientEndpoints();
        app.MapPatientSummary();
        app.MapPublicSite(app.Configuration);
        app.MapInquiryEndpoints();
        app.MapOutcomesEndpoints();
        app.MapAnalyticsEndpoints();
        app.MapPortal();
        app.MapPrivacy();
        app.MapFhir();
        return app;
    }
}
