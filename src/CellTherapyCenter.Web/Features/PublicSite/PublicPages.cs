namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>The Razor Page that shows each editable public page (by its slug, as in <c>DefaultPages.Slugs</c>).</summary>
public static class PublicPages
{
    public static string ForSlug(string slug) => slug switch
    {
        "home" => "/PublicSite/Home",
        "als" => "/PublicSite/Als",
        "treatment" => "/PublicSite/Treatment",
        "outcomes" => "/PublicSite/Outcomes",
        "cases" => "/PublicSite/Cases/Index",
        "publications" => "/PublicSite/Publications",
        "patents" => "/PublicSite/Patents",
        "contact" => "/PublicSite/Contact",
        "address" => "/PublicSite/Contact",
        "team" => "/PublicSite/Team",
        "costs" => "/PublicSite/Costs",
        "faq" => "/PublicSite/Faq",
        "privacy" => "/PublicSite/Privacy",
        _ => throw new ArgumentOutOfRangeException(nameof(slug), slug, "not a public page"),
    };
}
