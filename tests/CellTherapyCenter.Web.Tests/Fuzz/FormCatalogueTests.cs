using CellTherapyCenter.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CellTherapyCenter.Web.Tests.Fuzz;

/// <summary>The discovery itself: it finds the forms we know of, the skip list is current, every text field has a limit.</summary>
public sealed class FormCatalogueTests(RegistryApps apps, ITestOutputHelper output) : IClassFixture<RegistryApps>
{
    /// <summary>
    /// Forms known to exist (their keys' beginnings). A discovery that stops finding one fails
    /// here; a form added to the app is found without being listed.
    /// </summary>
    public static readonly string[] Known =
    [
        "POST /staff/login [",
        "POST /staff/patients/new [",
        "POST /staff/patients/{P}/visits/new [",
        "POST /staff/patients/{P}/visits/{V} [",
        "POST /staff/patients/{P}/adverse-events/new [",
        "POST /staff/patients/{P}/courses/{C}?handler=Void [",
        "POST /staff/site/pages/patents [",
        "POST /request-information [",
        "POST /portal/sign-in [",
        "POST /language [",
    ];

    [Theory, EveryDatabase]
    public async Task The_catalogue_finds_every_form_we_know_of(DatabaseProvider database)
    {
        var catalogue = await FormCatalogue.OfAsync(apps[database]);
        output.WriteLine($"{catalogue.Forms.Count} forms on {catalogue.Pages.Count} pages:");
        foreach (var form in catalogue.Forms)
            output.WriteLine($"  {form.Key} on {form.Page} as {form.Role ?? "anonymous"}: " +
                string.Join(", ", form.Fields.Select(f => $"{f.Name}:{f.Kind}{(f.Limit is { } l ? "≤" + l : "")}")));
        output.WriteLine("Pages not reached (their forms are not covered): " + string.Join("; ", catalogue.Unreached));
        var missing = Known.Where(k => !catalogue.Forms.Any(f => f.Key.StartsWith(k, StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, "The catalogue no longer finds: " + string.Join("; ", missing));
    }

    [Theory, EveryDatabase]
    public async Task Every_skip_listed_form_still_exists(DatabaseProvider database)
    {
        var catalogue = await FormCatalogue.OfAsync(apps[database]);
        var gone = FormCatalogue.Skipped.Keys.Except(catalogue.SkippedFound).ToList();
        Assert.True(gone.Count == 0, "Skip-listed forms no longer found (remove them from FormCatalogue.Skipped): " + string.Join("; ", gone));
        var inPlace = FormProperties.AnswerInPlace.Keys.Except(catalogue.Forms.Select(f => f.Key)).ToList();
        Assert.True(inPlace.Count == 0, "Forms listed as answering in place no longer found (FormProperties.AnswerInPlace): " + string.Join("; ", inPlace));
    }

    /// <summary>Text fields without a limit, each with its reason.</summary>
    private static readonly Dictionary<string, string> Unlimited = new()
    {
        ["Input.Website"] = "the request form's bot trap, hidden from people: whatever it holds is never read beyond 'is it empty' nor stored",
    };

    /// <summary>
    /// Every rendered text-like field (text, email, tel, search, url, password, textarea) carries
    /// a length limit, so the over-limit test reaches it. Hidden fields carry the app's own values
    /// (ids, stamps: bounded by their type); number, date, checkbox, radio and file fields bind to
    /// bounded types or are checked by size.
    /// </summary>
    [Theory, EveryDatabase]
    public async Task Every_text_field_carries_a_length_limit(DatabaseProvider database)
    {
        var catalogue = await FormCatalogue.OfAsync(apps[database]);
        var unbounded = catalogue.Forms.SelectMany(f => f.Fields.Where(x => x.IsText && x.Limit is null && !Unlimited.ContainsKey(x.Name)).Select(x => $"{f.Page}: {x.Name} ({x.Kind}) in {f.Key}")).Distinct().ToList();
        Assert.True(unbounded.Count == 0, "Text fields without a length limit (give the property a [StringLength] or [MaxLength]):" + Environment.NewLine + string.Join(Environment.NewLine, unbounded));
    }
}
