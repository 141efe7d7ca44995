using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.WebEncoders;

namespace CellTherapyCenter.Web.Infrastructure.Localization;

/// <summary>
/// Request localization for the public site and the patient portal: a <c>?culture=</c> link, then
/// the language cookie the switcher sets, then the browser's Accept-Language; English otherwise.
/// Staff pages and the JSON APIs are left out on purpose: they are English, and their forms and
/// payloads must parse numbers and dates the same way whatever language a visitor chose.
/// </summary>
public static class LocalizationSetup
{
    public static IServiceCollection AddSiteLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        // Ukrainian and Serbian letters are written as they are, not as numeric character references
        // (which made a Ukrainian page several times larger); markup characters are still escaped.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(SiteLanguages.DefaultCultureInfo);
            o.SupportedCultures = [.. SiteLanguages.Cultures];
            o.SupportedUICultures = [.. SiteLanguages.Cultures];
            // "sr" and "sr-RS" from a browser or a link fall back to their parent cultures; make them reach sr-Latn.
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders.Insert(0, new CustomRequestCultureProvider(c => Task.FromResult(Alias(c))));
        });
        return services;
    }

    /// <summary>
    /// Maps any tag of a supported language in the query, the cookie or Accept-Language (e.g. "sr",
    /// "sr-RS", "uk-UA") to its culture. Accept-Language is read here too because a browser set to
    /// Serbian sends "sr" or "sr-RS", whose parent culture is "sr", not the "sr-Latn" the site speaks.
    /// </summary>
    private static ProviderCultureResult? Alias(HttpContext context)
    {
        var requested = context.Request.Query["culture"].FirstOrDefault()
            // An error page re-executed for a "?culture=" address speaks that address's language.
            ?? (context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalQueryString is { Length: > 0 } original ? (QueryHelpers.ParseQuery(original).TryGetValue("culture", out var asked) ? asked.FirstOrDefault() : null) : null)
            ?? CookieRequestCultureProvider.ParseCookieValue(context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] ?? "")?.UICultures.FirstOrDefault().Value;
        if (SiteLanguages.Find(requested) is { } chosen) return new ProviderCultureResult(chosen.Culture);
        var accepted = context.Request.GetTypedHeaders().AcceptLanguage
            .Where(a => a.Quality is not <= 0)
            .OrderByDescending(a => a.Quality ?? 1) // stable: equal weights keep the browser's order
            .Select(a => SiteLanguages.Find(a.Value.Value))
            .FirstOrDefault(l => l is not null);
        return accepted is null ? null : new ProviderCultureResult(accepted.Culture);
    }

    public static bool IsLocalized(PathString path) =>
        !path.StartsWithSegments("/staff") && !path.StartsWithSegments("/api");

    public static IApplicationBuilder UseSiteLocalization(this IApplicationBuilder app) =>
        app.UseWhen(c => IsLocalized(c.Request.Path), b => b.UseRequestLocalization());

    /// <summary>Remembers a language choice for a year (not personal data: it only names a language).</summary>
    public static void RememberLanguage(HttpResponse response, SiteLanguage language) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language.Culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps,
            });
}
