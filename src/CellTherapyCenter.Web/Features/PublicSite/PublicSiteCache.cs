using CellTherapyCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Localization;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>
/// Public pages are served from the output cache; anything that changes what they show (an
/// administrator's edit of text, cases, publications or patents) evicts <see cref="Tag"/> after saving.
/// Each language is cached apart (<see cref="Language"/>), so no visitor is served a page in another's language.
/// </summary>
public static class PublicSiteCache
{
    public const string Tag = "public-site";
    /// <summary>Pages whose content changes only by an edit: kept until evicted (or ten minutes).</summary>
    public const string PagePolicy = "public-page";
    /// <summary>Pages with figures from the registry: at most a minute old.</summary>
    public const string LivePolicy = "public-live";
    public static readonly TimeSpan LiveFor = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The part of the cache key that keeps languages apart: the UI culture request localization
    /// chose (from ?culture=, the cookie or Accept-Language), which runs before the cache is consulted.
    /// </summary>
    public static KeyValuePair<string, string> Language(HttpContext context) =>
        new("language", context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name ?? SiteLanguages.DefaultCulture);
}
