using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Conventions;

/// <summary>
/// docs/architecture.md describes the code as it is: its layout tree names only folders and files
/// that exist and every project and feature folder there is, and its route table is the one the
/// app serves. When either drifts, the failure prints what the document should say.
/// </summary>
public sealed partial class ArchitectureDocTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string Doc = File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, "docs", "architecture.md"));

    [Fact]
    public void The_layout_tree_names_what_exists_and_everything_that_must_be_named()
    {
        var named = LayoutTree().ToHashSet(StringComparer.Ordinal);
        var missing = named.Where(p => !File.Exists(Full(p)) && !Directory.Exists(Full(p))).Order().ToList();
        Assert.True(missing.Count == 0, "docs/architecture.md names what does not exist: " + string.Join(", ", missing));

        var unnamed = MustBeNamed().Where(p => !named.Contains(p)).Order().ToList();
        Assert.True(unnamed.Count == 0, "docs/architecture.md's layout does not name: " + string.Join(", ", unnamed));
    }

    [Fact]
    public void The_route_table_is_the_one_the_app_serves()
    {
        var expected = RouteTable();
        var start = Doc.IndexOf(RoutesMarker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/architecture.md has no '{RoutesMarker}' line before its route table.");
        var table = string.Join('\n', Doc[(start + RoutesMarker.Length)..].Split('\n').SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')));
        Assert.True(table == expected, "docs/architecture.md's route table should read:\n" + expected);
    }

    private const string LayoutMarker = "<!-- layout: checked by ArchitectureDocTests -->";
    private const string RoutesMarker = "<!-- routes: checked by ArchitectureDocTests -->";

    private static string Full(string relative) => System.IO.Path.Combine(RepositoryRoot.Path, relative);

    /// <summary>
    /// The paths of the fenced tree after the layout marker: one entry per line, indented two spaces
    /// a level, a folder ending in '/', a description after two or more spaces.
    /// </summary>
    private static IEnumerable<string> LayoutTree()
    {
        var start = Doc.IndexOf(LayoutMarker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/architecture.md has no '{LayoutMarker}' line before its layout tree.");
        var lines = Doc[(start + LayoutMarker.Length)..].Split('\n').SkipWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal));
        var parents = new List<string>();
        foreach (var line in lines.Where(l => l.Trim().Length > 0))
        {
            var depth = (line.Length - line.TrimStart().Length) / 2;
            var name = TreeEntry().Match(line.Trim()).Value;
            if (depth > parents.Count) throw new InvalidOperationException("Indented under nothing: " + line);
            parents.RemoveRange(depth, parents.Count - depth);
            var path = string.Concat(parents) + name;
            yield return path.TrimEnd('/');
            if (name.EndsWith('/')) parents.Add(name);
        }
    }

    /// <summary>Every project, every folder directly in a project, and every feature folder.</summary>
    private static IEnumerable<string> MustBeNamed()
    {
        foreach (var top in new[] { "src", "tests" })
            foreach (var project in Directory.GetDirectories(Full(top)).Where(d => Directory.GetFiles(d, "*.csproj").Length > 0))
            {
                var relative = $"{top}/{System.IO.Path.GetFileName(project)}";
                yield return relative;
                if (top == "tests") continue;
                foreach (var folder in Directory.GetDirectories(project).Select(System.IO.Path.GetFileName).Where(f => f is not ("bin" or "obj" or "wwwroot" or "Properties"))
                    // The web project's data/ is where `dotnet run` keeps the demo database and keys (ignored by git).
                    .Where(f => !(top == "src" && f == "data")))
                    yield return $"{relative}/{folder}";
            }
        foreach (var feature in Directory.GetDirectories(Full("src/CellTherapyCenter.Web/Features")))
            yield return "src/CellTherapyCenter.Web/Features/" + System.IO.Path.GetFileName(feature);
    }

    /// <summary>Each feature folder with the routes its pages and endpoints serve, as a Markdown table.</summary>
    private string RouteTable()
    {
        _ = app.Server;
        var byFolder = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var folder = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page
                ? System.IO.Path.GetDirectoryName(page.RelativePath.TrimStart('/'))!.Replace('\\', '/')
                : endpoint.Metadata.GetMetadata<MethodInfo>()?.DeclaringType is { } type ? FolderOf(type) : null;
            if (folder is null) continue;
            if (!byFolder.TryGetValue(folder, out var routes)) byFolder[folder] = routes = new(StringComparer.Ordinal);
            routes.Add(route);
        }
        var table = new StringBuilder("| Folder | Routes |\n| --- | --- |");
        foreach (var (folder, routes) in byFolder)
            table.Append($"\n| `{folder}` | {string.Join(", ", routes.Select(r => $"`{r}`"))} |");
        return table.ToString();
    }

    /// <summary>A minimal-API handler's folder, from its namespace (a lambda's closure class is nested in the feature's class).</summary>
    private static string? FolderOf(Type type)
    {
        var ns = type.Namespace ?? "";
        const string root = "CellTherapyCenter.Web.";
        return ns.StartsWith(root, StringComparison.Ordinal) ? ns[root.Length..].Replace('.', '/') : null;
    }

    [GeneratedRegex(@"^\S+")]
    private static partial Regex TreeEntry();
}
