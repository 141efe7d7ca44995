using System.Security.Claims;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Accounts.Passwords;
using CellTherapyCenter.Web.Features.Accounts.TwoFactor;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Accounts;

/// <summary>Staff sign-in settings (section <c>Security</c>).</summary>
public sealed class StaffSignInOptions
{
    /// <summary>
    /// Every staff member needs a second factor (a passkey or an authenticator app): one without is
    /// sent to enrolment at sign-in and reaches nothing else. On by default outside Development.
    /// </summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>How long an emailed password-reset link works.</summary>
    public TimeSpan PasswordResetLinkLifetime { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// The staff account's pending steps, carried as a claim of the sign-in (so no request has to look
/// them up): a password chosen by an administrator to replace, or a second factor to enrol.
/// The claim is refreshed at every sign-in refresh and every security-stamp validation.
/// </summary>
public static class AccountSetup
{
    public const string ClaimType = "ctc:account-setup";
    public const string ChangePassword = "change-password";
    public const string EnrolSecondFactor = "enrol-second-factor";

    public static async Task<bool> HasSecondFactorAsync(UserManager<StaffUser> users, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        return user.TwoFactorEnabled || (await users.GetPasskeysAsync(user)).Count > 0;
    }
}

/// <summary>Identity's claims plus <see cref="AccountSetup.ClaimType"/> for staff with a step pending.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> identity,
    IOptions<StaffSignInOptions> signIn) : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, identity)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        if (!StaffRoles.All.Any(r => identity.HasClaim(Options.ClaimsIdentity.RoleClaimType, r))) return identity;
        if (user.MustChangePassword) identity.AddClaim(new Claim(AccountSetup.ClaimType, AccountSetup.ChangePassword));
        else if (signIn.Value.RequireTwoFactor && !await AccountSetup.HasSecondFactorAsync(UserManager, user))
            identity.AddClaim(new Claim(AccountSetup.ClaimType, AccountSetup.EnrolSecondFactor));
        return identity;
    }
}

public static class StaffAccountsSetup
{
    public static IServiceCollection AddStaffAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<StaffSignInOptions>()
            .Configure(o => o.RequireTwoFactor = !environment.IsDevelopment())
            .Bind(configuration.GetSection("Security"));
        services.AddScoped<IUserClaimsPrincipalFactory<StaffUser>, StaffClaimsFactory>();
        // Identity's EF store, with recovery codes kept hashed (ASVS 2.6.2).
        services.Replace(ServiceDescriptor.Scoped<IUserStore<StaffUser>, StaffUserStore>());
        services.AddScoped<IPasswordValidator<StaffUser>, CommonPasswordValidator>();
        services.AddScoped<CredentialNotices>();
        services.AddScoped<PasskeyCeremonies>();
        services.AddTransient<OneTimeAuthenticatorTokenProvider>();
        services.Configure<IdentityOptions>(o =>
        {
            // Replaces Identity's authenticator provider: a code works once (ASVS 2.8.4).
            o.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] = new TokenProviderDescriptor(typeof(OneTimeAuthenticatorTokenProvider));
            o.Tokens.AuthenticatorTokenProvider = TokenOptions.DefaultAuthenticatorProvider;
        });
        services.AddOptions<DataProtectionTokenProviderOptions>()
            .Configure<IOptions<StaffSignInOptions>>((o, signIn) => o.TokenLifespan = signIn.Value.PasswordResetLinkLifetime);
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            o.UserVerificationRequirement = "required";
            o.ResidentKeyRequirement = "required";
            // Identity compares the signed origin with the request's Origin header, which browsers send
            // as "null" on form posts under our Referrer-Policy: compare with this site's own origin instead.
            o.ValidateOrigin = context =>
            {
                var request = context.HttpContext.Request;
                return ValueTask.FromResult(!context.CrossOrigin
                    && string.Equals(context.Origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase));
            };
        });
        return services;
    }

    /// <summary>
    /// A staff member with a step pending (<see cref="AccountSetup"/>) reaches only the page of that
    /// step, signing out and anonymous pages: other pages redirect to the step, other requests get 403.
    /// </summary>
    public static IApplicationBuilder UseStaffAccountSetup(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var pending = context.User.FindFirst(AccountSetup.ClaimType)?.Value;
        if (pending is null || Allowed(context.GetEndpoint(), pending))
        {
            await next(context);
            return;
        }
        if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api"))
        {
            var links = context.RequestServices.GetRequiredService<LinkGenerator>();
            context.Response.Redirect(links.GetPathByPage(context, PageFor(pending)) ?? "/");
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
    });

    internal static string PageFor(string pending) => pending == AccountSetup.ChangePassword ? "/Accounts/ChangePassword" : "/Accounts/Security";

    private static bool Allowed(Endpoint? endpoint, string pending)
    {
        if (endpoint is null || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null) return true;
        var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath;
        return pending == AccountSetup.ChangePassword
            ? page == "/Accounts/ChangePassword"
            : page is "/Accounts/Security" or "/Accounts/EnableAuthenticator";
    }
}
