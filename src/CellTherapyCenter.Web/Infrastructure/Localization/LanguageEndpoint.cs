using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace CellTherapyCenter.Web.Infrastructure.Localization;

/// <summary>
/// <c>POST /language</c> (form fields <c>culture</c> and <c>returnUrl</c>): the language switcher's
/// target. Works without JavaScript; the return address must be local, so the form cannot be used
/// to send visitors elsewhere.
/// </summary>
public static class LanguageEndpoint
{
    /// <summary>Raised after a choice is remembered, so a feature (the portal) can store it on the signed-in account too.</summary>
    public delegate Task LanguageChosen(HttpContext context, SiteLanguage language, CancellationToken ct);

    public static IEndpointRouteBuilder MapLanguageEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/language", async ([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext context,
                [FromServices] IEnumerable<LanguageChosen> listeners, CancellationToken ct) =>
            {
                var origin = RequestOrigin(context.Request);
                // A post from another site (a forged form) changes nothing, not even the cookie.
                if (origin == Origin.CrossSite) return Results.StatusCode(StatusCodes.Status403Forbidden);
                if (SiteLanguages.Find(culture) is not { } language)
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language",
                        detail: $"Choose one of: {string.Join(", ", SiteLanguages.All.Select(l => l.Culture))}.");
                LocalizationSetup.RememberLanguage(context.Response, language);
                // Only a post the browser vouches for as this site's own changes what is stored on an account.
                if (origin == Origin.SameOrigin)
                    foreach (var listener in listeners) await listener(context, language, ct);
                var target = LocalReturnUrl.IsSafe(returnUrl) ? returnUrl! : "/";
                return Results.LocalRedirect(target);
            })
            .AllowAnonymous()
            // No per-user token: public pages come from the output cache, so none can be in the form.
            // The browser's own Sec-Fetch-Site and Origin headers stand in for it (RequestOrigin).
            .DisableAntiforgery()
            .WithName(EndpointNames.Language);
        return app;
    }

    public enum Origin
    {
        [Display(Name = "This site")] SameOrigin,
        [Display(Name = "Another site")] CrossSite,
        [Display(Name = "Not told")] Unknown,
    }

    /// <summary>
    /// Where a post comes from, as the browser tells it: Sec-Fetch-Site (every current browser),
    /// else an Origin header compared with this site's own. The site's Referrer-Policy
    /// (no-referrer) makes browsers send "Origin: null" even for its own forms, so "null" and a
    /// missing header say nothing: the choice is then remembered in the cookie only.
    /// </summary>
    public static Origin RequestOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0) return fetchSite == "same-origin" ? Origin.SameOrigin : Origin.CrossSite;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || origin == "null") return Origin.Unknown;
        var own = $"{request.Scheme}://{request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) ? Origin.SameOrigin : Origin.CrossSite;
    }
}
