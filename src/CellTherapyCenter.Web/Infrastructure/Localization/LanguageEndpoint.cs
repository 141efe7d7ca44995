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
                if (SiteLanguages.Find(culture) is not { } language)
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language",
                        detail: $"Choose one of: {string.Join(", ", SiteLanguages.All.Select(l => l.Culture))}.");
                LocalizationSetup.RememberLanguage(context.Response, language);
                foreach (var listener in listeners) await listener(context, language, ct);
                var target = !string.IsNullOrEmpty(returnUrl) && IsLocal(returnUrl) ? returnUrl : "/";
                return Results.LocalRedirect(target);
            })
            .AllowAnonymous()
            .DisableAntiforgery() // a language cookie is harmless to forge, and a stale page must still switch
            .WithName(EndpointNames.Language);
        return app;
    }

    // A control character (a tab a browser drops, a line break) can turn "/\t/host" into "//host"
    // or be refused by the redirect itself: such an address is not followed.
    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl);
}
