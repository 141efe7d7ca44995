using System.Net;
using AngleSharp.Dom;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Authorization;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Fuzz;

/// <summary>One named control of a form as the page rendered it.</summary>
/// <param name="Kind">The input's type ("text-number" for a text box that binds a number), or "select", "textarea", "button".</param>
/// <param name="Options">A select's, a radio group's or a set of submit buttons' values.</param>
/// <param name="Limit">The rendered length limit (data-val-length-max, else maxlength), if any.</param>
public sealed record FormField(string Name, string Kind, string Value, bool Sent, IReadOnlyList<string> Options, int? Limit)
{
    public bool IsText => Kind is "text" or "email" or "tel" or "search" or "url" or "textarea" or "password";
}

/// <summary>A POST form found on a page: where it posts, what it sends.</summary>
/// <param name="Key">Its action (ids as tokens) and field names: the same form found on two pages counts once.</param>
/// <param name="Page">The page's URL template (ids as tokens, see <see cref="FormWorld"/>).</param>
/// <param name="Role">Who fills it in: null for anonymous, <see cref="RouteAccess.PortalUser"/>, or a staff role.</param>
public sealed record CataloguedForm(string Key, string Page, string? Role, string Action, bool Multipart, IReadOnlyList<FormField> Fields)
{
    public override string ToString() => Key;
}

/// <summary>
/// Discovers every POST form the app renders, instead of a hand list (issue 16, item 5): walks
/// every page route as <see cref="RouteWalkTests"/> does, fills its parameters with the records
/// of a <see cref="FormWorld"/>, GETs it as a role that may use it (<see cref="RouteAccess.Expected"/>)
/// and collects each form with its rendered fields. A new page's forms are covered with no one
/// remembering them.
/// </summary>
public static class FormCatalogue
{
    /// <summary>Forms that are not fuzzed, each with its reason. A listed form that no longer exists fails <see cref="FormCatalogueTests"/>.</summary>
    public static IReadOnlyDictionary<string, string> Skipped { get; } = new Dictionary<string, string>
    {
        ["POST /staff/logout []"] = "ends the client's own session: every later case would test the sign-in redirect",
        ["POST /portal/sign-out []"] = "ends the client's own session: every later case would test the sign-in redirect",
    };

    public sealed record Catalogue(IReadOnlyList<CataloguedForm> Forms, IReadOnlyList<string> Pages, IReadOnlyList<string> Unreached, IReadOnlyList<string> SkippedFound);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RegistryAppFactory, Task<Catalogue>> Cache = [];

    /// <summary>The app's catalogue, discovered once per app.</summary>
    public static Task<Catalogue> OfAsync(RegistryAppFactory app) => Cache.GetValue(app, DiscoverAsync);

    /// <summary>Every page route the app serves, with who may use it.</summary>
    public static IReadOnlyList<(string Pattern, Access Access)> PageRoutes(RegistryAppFactory app)
    {
        _ = app.Server;
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var pages = new List<(string, Access)>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is null && endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is null) continue;
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (RouteAccess.Expected.TryGetValue($"PAGE {pattern}", out var access)) pages.Add((pattern, access)); // else RouteWalkTests names it
        }
        return [.. pages.Distinct().OrderBy(p => p.Item1, StringComparer.Ordinal)];
    }

    /// <summary>Every page as a (URL template, access) pair: record forms both new and existing.</summary>
    public static IReadOnlyList<(string Template, Access Access)> PageTemplates(RegistryAppFactory app) =>
        [.. PageRoutes(app).SelectMany(p => FormWorld.Templates(p.Pattern).Select(t => (t, p.Access))).Distinct()];

    /// <summary>The role a page is filled in as: the least one that may (an administrator for staff pages: every staff form).</summary>
    public static string? RoleFor(Access access) => access switch
    {
        Access.Anonymous => null,
        Access.Portal => RouteAccess.PortalUser,
        _ => StaffRoles.Administrator,
    };

    /// <summary>A fresh client for the role: a staff user of its own (forms may change the account), or the world's portal account.</summary>
    public static async Task<HttpClient> ClientAsync(RegistryAppFactory app, string? role, FormWorld world)
    {
        switch (role)
        {
            case null:
                return app.CreateBrowserClient();
            case RouteAccess.PortalUser:
                return await PortalTestKit.SignedInAsync(app, world.PortalEmail);
            default:
                var email = $"fuzz-{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
                await app.EnsureUserAsync(email, role);
                var client = app.CreateBrowserClient();
                var response = await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword);
                if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {role} failed: {(int)response.StatusCode}");
                return client;
        }
    }

    private static async Task<Catalogue> DiscoverAsync(RegistryAppFactory app)
    {
        var world = await FormWorld.ArrangeAsync(app);
        var clients = new Dictionary<string, HttpClient>();
        var forms = new Dictionary<string, CataloguedForm>();
        var pages = new List<string>();
        var unreached = new List<string>();
        var skipped = new HashSet<string>();
        foreach (var (template, access) in PageTemplates(app))
        {
            var role = RoleFor(access);
            if (!clients.TryGetValue(role ?? "", out var client)) clients[role ?? ""] = client = await ClientAsync(app, role, world);
            var url = world.Fill(template);
            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                unreached.Add($"{template} ({(int)response.StatusCode} {response.Headers.Location})");
                continue;
            }
            pages.Add(template);
            foreach (var form in Parse(await response.Content.ReadAsStringAsync(), url, template, role, world))
            {
                if (Skipped.ContainsKey(form.Key)) skipped.Add(form.Key);
                else forms.TryAdd(form.Key, form);
            }
        }
        foreach (var client in clients.Values) client.Dispose();
        return new Catalogue([.. forms.Values.OrderBy(f => f.Key, StringComparer.Ordinal)], pages, unreached, [.. skipped]);
    }

    /// <summary>The POST forms of a page, one per submit target (a button's formaction is a form of its own).</summary>
    public static IEnumerable<CataloguedForm> Parse(string html, string url, string template, string? role, FormWorld world)
    {
        var document = StaffSession.Parse(html);
        foreach (var form in document.QuerySelectorAll("form"))
        {
            if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)) continue;
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
            var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
            var fields = Fields(form);
            var buttons = form.QuerySelectorAll("button, input[type=submit], input[type=image]")
                .Where(b => !string.Equals(b.GetAttribute("type"), "button", StringComparison.OrdinalIgnoreCase) && !string.Equals(b.GetAttribute("type"), "reset", StringComparison.OrdinalIgnoreCase))
                .ToList();
            var targets = buttons.Where(b => b.HasAttribute("formaction")).Select(b => b.GetAttribute("formaction")!).Distinct().ToList();
            if (targets.Count == 0 || buttons.Any(b => !b.HasAttribute("formaction"))) targets.Insert(0, action);
            foreach (var target in targets)
            {
                var own = buttons.Where(b => (b.GetAttribute("formaction") ?? action) == target && b.GetAttribute("name") is { Length: > 0 }).ToList();
                var all = fields.Concat(own.GroupBy(b => b.GetAttribute("name")!).Select(g =>
                    new FormField(g.Key, "button", g.First().GetAttribute("value") ?? "", true, [.. g.Select(b => b.GetAttribute("value") ?? "")], null))).ToList();
                var tokenized = world.Tokenize(WithoutReturnUrl(target));
                var names = string.Join(",", all.Select(f => f.Name).Where(n => n != "__RequestVerificationToken").Distinct().Order(StringComparer.Ordinal).Select(world.Tokenize));
                yield return new CataloguedForm($"POST {tokenized} [{names}]", template, role, target, multipart, all);
            }
        }
    }

    private static string WithoutReturnUrl(string action)
    {
        var q = action.IndexOf('?', StringComparison.Ordinal);
        if (q < 0) return action;
        var kept = action[(q + 1)..].Split('&').Where(p => !p.StartsWith("returnUrl=", StringComparison.OrdinalIgnoreCase)).ToList();
        return kept.Count == 0 ? action[..q] : action[..q] + "?" + string.Join("&", kept);
    }

    private static List<FormField> Fields(IElement form)
    {
        var fields = new List<FormField>();
        var radios = new Dictionary<string, int>();
        foreach (var control in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = control.GetAttribute("name")!;
            var tag = control.LocalName;
            var type = tag == "input" ? (control.GetAttribute("type") ?? "text").ToLowerInvariant() : tag;
            // A text box that binds a number (bounded by its type, refused when it does not parse) is not free text.
            if (type == "text" && (control.HasAttribute("data-val-number") || control.HasAttribute("data-val-range") || control.GetAttribute("inputmode") is "numeric" or "decimal"))
                type = "text-number";
            var limit = int.TryParse(control.GetAttribute("data-val-length-max"), out var max) ? max
                : int.TryParse(control.GetAttribute("maxlength"), out var ml) ? ml : (int?)null;
            switch (type)
            {
                case "submit" or "image" or "button" or "reset" or "file":
                    continue;
                case "select":
                    var options = control.QuerySelectorAll("option").Select(o => o.GetAttribute("value") ?? o.TextContent).ToList();
                    var selected = control.QuerySelector("option[selected]") is { } s ? s.GetAttribute("value") ?? s.TextContent : options.FirstOrDefault() ?? "";
                    fields.Add(new FormField(name, type, selected, options.Count > 0, options, null));
                    break;
                case "radio":
                    var value = control.GetAttribute("value") ?? "on";
                    if (radios.TryGetValue(name, out var at))
                    {
                        var group = fields[at];
                        fields[at] = group with
                        {
                            Options = [.. group.Options, value],
                            Value = control.HasAttribute("checked") ? value : group.Value,
                            Sent = group.Sent || control.HasAttribute("checked"),
                        };
                    }
                    else
                    {
                        radios[name] = fields.Count;
                        fields.Add(new FormField(name, type, control.HasAttribute("checked") ? value : "", control.HasAttribute("checked"), [value], null));
                    }
                    break;
                case "checkbox":
                    fields.Add(new FormField(name, type, control.GetAttribute("value") ?? "on", control.HasAttribute("checked"), [control.GetAttribute("value") ?? "on"], null));
                    break;
                case "textarea":
                    fields.Add(new FormField(name, type, control.TextContent, true, [], limit));
                    break;
                default:
                    fields.Add(new FormField(name, type, control.GetAttribute("value") ?? "", true, [], limit));
                    break;
            }
        }
        return fields;
    }

    /// <summary>The page again in this world, and the form with the same key on it (null when it is gone: voided, deleted).</summary>
    public static async Task<CataloguedForm?> FindAsync(HttpClient client, CataloguedForm form, FormWorld world)
    {
        var url = world.Fill(form.Page);
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK) return null;
        return Parse(await response.Content.ReadAsStringAsync(), url, form.Page, form.Role, world).FirstOrDefault(f => f.Key == form.Key);
    }

    /// <summary>The form as a browser would send it: rendered values, checked boxes, the fresh antiforgery token.</summary>
    public static List<KeyValuePair<string, string>> Rendered(CataloguedForm form) =>
        [.. form.Fields.Where(f => f.Sent).Select(f => KeyValuePair.Create(f.Name, f.Value))];

    public static HttpContent Body(CataloguedForm form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        if (!form.Multipart) return new FormUrlEncodedContent(fields);
        var body = new MultipartFormDataContent();
        foreach (var (name, value) in fields) body.Add(new StringContent(value), name);
        return body;
    }
}
