using System.Net;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CellTherapyCenter.Web.Tests.Fuzz;

/// <summary>
/// Every text field of every catalogued form (<see cref="FormCatalogue"/>) with a rendered length
/// limit, one character over it (Cyrillic letters: a limit counts characters, not bytes), the
/// rest of the form as rendered: the form comes back (200) with a message beside the field naming
/// the limit, the typed text still in the field (a password excepted: it is never sent back), and
/// nothing stored (issue 16, "Done when"). An email field gets an address of that length.
/// <see cref="OverLimitTests"/> keeps its hand-filled cases, which also show the limit itself is accepted.
/// </summary>
public sealed class EveryFieldOverLimitTests(RegistryApps apps, ITestOutputHelper output) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task Every_limited_field_one_character_over_is_refused_beside_it_and_nothing_is_stored(DatabaseProvider database)
    {
        var app = apps[database];
        var catalogue = await FormCatalogue.OfAsync(app);
        var world = await FormWorld.ArrangeAsync(app);
        var clients = new Dictionary<string, HttpClient>();
        var failures = new List<string>();
        var checkedFields = 0;
        foreach (var catalogued in catalogue.Forms)
        {
            foreach (var field in catalogued.Fields.Where(f => f.IsText && f.Limit is not null).DistinctBy(f => f.Name))
            {
                var role = catalogued.Role ?? "";
                if (!clients.TryGetValue(role, out var client)) clients[role] = client = await FormCatalogue.ClientAsync(app, catalogued.Role, world);
                var form = await FormCatalogue.FindAsync(client, catalogued, world);
                if (form is null) { failures.Add($"{catalogued.Key}: not found again on {world.Fill(catalogued.Page)}"); continue; }
                var limit = field.Limit!.Value;
                var typed = field.Kind == "email"
                    ? new string('a', limit + 1 - "@example.org".Length) + "@example.org" // an address, or its format is what is refused
                    : string.Concat(Enumerable.Repeat("Жж", limit / 2 + 1))[..(limit + 1)];
                var sent = FormCatalogue.Rendered(form).Where(kv => kv.Key != field.Name).Append(KeyValuePair.Create(field.Name, typed)).ToList();

                var before = await StoredState.CaptureAsync(app);
                using var response = await client.PostAsync(form.Action, FormCatalogue.Body(form, sent));
                var html = await response.Content.ReadAsStringAsync();
                var stored = before != await StoredState.CaptureAsync(app);
                checkedFields++;
                var where = $"{catalogued.Key}, {field.Name} at {limit + 1} characters";
                if (response.StatusCode != HttpStatusCode.OK) { failures.Add($"{where}: {(int)response.StatusCode} {response.Headers.Location}{(stored ? ", and something was stored" : "")}"); continue; }
                var document = StaffSession.Parse(html);
                var control = document.QuerySelectorAll($"[name='{field.Name}']").FirstOrDefault(c => c.LocalName is "input" or "textarea");
                // Beside the field: its validation message, or what the field's aria-describedby names.
                var described = (control?.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => document.GetElementById(id)?.TextContent);
                var message = string.Join(" ", described.Prepend(document.QuerySelector($"[data-valmsg-for='{field.Name}']")?.TextContent));
                var digits = string.Concat(message.Where(c => c is not (',' or '.' or ' ' or '\u00A0' or '\u202F')));
                if (!digits.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
                    failures.Add($"{where}: the message beside the field does not name the limit: \"{message.Trim()}\"");
                var shown = control is null ? null : control.LocalName == "textarea" ? control.TextContent.TrimStart('\n') : control.GetAttribute("value");
                // A password is never sent back to the browser.
                if (field.Kind != "password" && shown != typed) failures.Add($"{where}: the typed text is not back in the field ({(shown is null ? "no field" : $"{shown.Length} characters")})");
                if (stored) failures.Add($"{where}: refused, but something was stored");
            }
        }
        foreach (var client in clients.Values) client.Dispose();
        output.WriteLine($"{checkedFields} limited fields of {catalogue.Forms.Count} forms on {database}");
        Assert.True(checkedFields > 0, "no limited field found: the catalogue is broken");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
