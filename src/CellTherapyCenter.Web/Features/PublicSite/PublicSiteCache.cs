namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>
/// Public pages are served from the output cache; anything that changes what they show (an
/// administrator's edit of text, cases, publications or patents) evicts this tag after saving.
/// </summary>
public static class PublicSiteCache
{
    public const string Tag = "public-site";
}
