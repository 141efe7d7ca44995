namespace CellTherapyCenter.Web.Features.Portal;

/// <summary>
/// The portal's display choices: larger text and high contrast. They are kept in a cookie of this
/// browser rather than on the account, so they apply before signing in too (the sign-in page is
/// where weak eyes need them first) and a shared family computer can keep its own. The cookie holds
/// only the two flags; anything else in it reads as "no choice made".
/// </summary>
public sealed record PortalDisplay(bool LargerText, bool HighContrast)
{
    public const string CookieName = "ctc-portal-display";

    private const string Larger = "larger", Contrast = "contrast";

    /// <summary>The classes for the portal's body element: "text-larger", "high-contrast", both or none.</summary>
    public string BodyClasses => string.Join(' ', new[] { LargerText ? "text-larger" : null, HighContrast ? "high-contrast" : null }.OfType<string>());

    public static PortalDisplay Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parts = (request.Cookies[CookieName] ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries);
        return new(parts.Contains(Larger), parts.Contains(Contrast));
    }

    public void Remember(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var value = string.Join('.', new[] { LargerText ? Larger : null, HighContrast ? Contrast : null }.OfType<string>());
        if (value.Length == 0)
        {
            response.Cookies.Delete(CookieName);
            return;
        }
        response.Cookies.Append(CookieName, value, new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
        });
    }
}
