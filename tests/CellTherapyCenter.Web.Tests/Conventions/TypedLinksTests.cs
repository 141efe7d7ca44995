using System.Text.RegularExpressions;
using CellTherapyCenter.Web.Tests.Infrastructure;

namespace CellTherapyCenter.Web.Tests.Conventions;

/// <summary>
/// No hand-typed route in the pages: views link with <c>asp-page</c>/<c>asp-route-*</c>,
/// <c>Url.Page</c> or <c>Url.Endpoint</c> (named minimal-API endpoints), page models redirect with
/// <c>RedirectToPage</c>, so a route template is written once, in its <c>@page</c> directive or
/// <c>MapGet</c>. Read from the source tree: every .cshtml, .cshtml.cs and page-model base class
/// under Features. Static files (<c>/css/</c>, <c>/favicon.svg</c>) are not routes.
/// </summary>
public sealed partial class TypedLinksTests
{
    private static string WebProject => RepositoryRoot.WebProject;

    private static IEnumerable<string> SourceFiles =>
        Directory.EnumerateFiles(Path.Combine(WebProject, "Features"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cshtml.cs", StringComparison.Ordinal)
                        || f.EndsWith("PageModel.cs", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(WebProject, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    // href="/...", action="/...", src="/...", formaction="/..." (literal or interpolated).
    [GeneratedRegex("""\b(?:href|action|src|formaction)\s*=\s*["'](?<url>/[^"']*)""")]
    private static partial Regex RouteAttribute();

    // Redirect("/..."), Redirect($"/..."), LocalRedirect(@"/..."), RedirectPermanent(...).
    [GeneratedRegex("""\b(?:Local)?Redirect(?:Permanent)?(?:PreserveMethod)?\s*\(\s*[$@]*"(?<url>/[^"]*)""")]
    private static partial Regex RedirectLiteral();

    // Any other string literal that starts like an app path ("/staff...", $"/portal/{id}"): built URLs.
    [GeneratedRegex("""(?<![\w"=])[$@]*"(?<url>/[a-z][^"]*)""")]
    private static partial Regex PathLiteral();

    [GeneratedRegex("""^/(?:css|js|lib|images)/|^/favicon\.""")]
    private static partial Regex StaticFile();

    /// <summary>The hand-typed routes in one file, as "line: text".</summary>
    public static List<string> HandTypedRoutes(string relativePath, string source)
    {
        var found = new List<string>();
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            // The route templates themselves, and comments, are not links.
            if (trimmed.StartsWith("@page", StringComparison.Ordinal) || trimmed.StartsWith("//", StringComparison.Ordinal)
                || trimmed.StartsWith("@*", StringComparison.Ordinal) || trimmed.StartsWith('*')) continue;
            foreach (var regex in new[] { RouteAttribute(), RedirectLiteral(), PathLiteral() })
                foreach (Match m in regex.Matches(line))
                    if (!StaticFile().IsMatch(m.Groups["url"].Value))
                        found.Add($"{relativePath}:{i + 1}: {m.Groups["url"].Value}");
        }
        return found.Distinct().ToList();
    }

    [Fact]
    public void No_page_or_page_model_types_an_app_route()
    {
        var offenders = SourceFiles
            .SelectMany(f => HandTypedRoutes(f, File.ReadAllText(Path.Combine(WebProject, f)))).ToList();
        Assert.True(offenders.Count == 0,
            "Hand-typed routes (use asp-page/asp-route-*, Url.Page, Url.Endpoint(EndpointNames.…) or RedirectToPage):\n"
            + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("""<a href="/staff/patients/@id/visits/new">""")]
    [InlineData("""<form method="post" action="/portal/sign-out">""")]
    [InlineData("""<img src="/cases/@c.Slug/trajectory.png" />""")]
    [InlineData("""<button formaction="/staff/site">""")]
    [InlineData("""        return Redirect($"/staff/patients/{id}");""")]
    [InlineData("""        return LocalRedirect("/portal");""")]
    [InlineData("""        EditUrl = $"/staff/site/{kind}/{id}";""")]
    [InlineData("""    <a href="@(signedIn ? "/staff" : "/")">""")]
    public void The_scan_finds_typed_routes(string line) => Assert.NotEmpty(HandTypedRoutes("x", line));

    [Theory]
    [InlineData("""@page "/staff/patients/{id:guid}" """)]
    [InlineData("""<a asp-page="/Patients/Chart" asp-route-id="@id">""")]
    [InlineData("""<link rel="stylesheet" href="/css/site.css" asp-append-version="true" />""")]
    [InlineData("""<link rel="icon" href="~/favicon.svg" type="image/svg+xml" />""")]
    [InlineData("""<a class="skip-link" href="#main">""")]
    [InlineData("""        return RedirectToPage("/Patients/Chart", new { id });""")]
    [InlineData("""    <partial name="/Features/Shared/_LanguageSwitcher.cshtml" />""")]
    public void The_scan_lets_typed_links_pass(string line) => Assert.Empty(HandTypedRoutes("x", line));
}
