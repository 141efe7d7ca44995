using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure.Numbers;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Numbers;

/// <summary>
/// Every number a page binds, found by reflection over the page models: each is either typed here
/// in English, Ukrainian and Serbian with both decimal separators (and refused when ambiguous), or
/// named below as chosen from a list. A new numeric field fails the first test until it is added.
/// </summary>
public sealed class NumberFieldsTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private static readonly string[] Cultures = ["en", "uk", "sr-Latn"];

    /// <summary>Numbers people never type: radio buttons, lists, hidden fields and query-string filters, with the reason.</summary>
    private static readonly Dictionary<string, string> NotTyped = new()
    {
        ["AssessmentFormModel Input.Responses.Speech"] = "ALSFRS-R item: radio buttons 0-4",
        ["AssessmentFormModel Input.Responses.Salivation"] = "ALSFRS-R item: radio buttons 0-4",
        ["AssessmentFormModel Input.Responses.Swallowing"] = "ALSFRS-R item: radio buttons 0-4",
        ["AssessmentFormModel Input.Responses.Handwriting"] = "ALSFRS-R item: radio buttons 0-4",
        ["AssessmentFormModel Input.Responses.CuttingFood"] = "ALSFRS-R item: radio buttons 0-4",
        ["AssessmentFormModel Input.Responses.DressingHygiene"] = "ALSFRS-R item: radio buttons 0-4",
        ["AssessmentFormModel Input.Responses.TurningInBed"] = "ALSFRS-R item: radio buttons 0-4",
        ["AssessmentFormModel Input.Responses.Walking"] = "ALSFRS-R item: radio buttons 0-4",
        ["AssessmentFormModel Input.Responses.ClimbingStairs"] = "ALSFRS-R item: radio buttons 0-4",
        ["AssessmentFormModel Input.Responses.Dyspnea"] = "ALSFRS-R item: radio buttons 0-4",
        ["AssessmentFormModel Input.Responses.Orthopnea"] = "ALSFRS-R item: radio buttons 0-4",
        ["AssessmentFormModel Input.Responses.RespiratoryInsufficiency"] = "ALSFRS-R item: radio buttons 0-4",
        ["RequestInformationModel Input.DiagnosisYear"] = "chosen from a list of years",
        ["RequestInformationModel Input.PatientAge"] = "chosen from a list of ages",
        ["RequestInformationModel Input.Alsfrs[]"] = "self-scored ALSFRS-R: radio buttons 0-4",
        ["QuestionnaireModel step"] = "hidden field of the one-question screen",
        ["QuestionnaireModel value"] = "the answer button pressed",
        ["InboxModel OlderThanDays"] = "query-string filter: text that is not a whole number leaves the filter off",
        ["WorklistModel WithinDays"] = "query-string filter: text that is not a whole number keeps the default",
        ["WorklistModel OverdueDays"] = "query-string filter: text that is not a whole number keeps the default",
        ["AuditSearchModel p"] = "page number in the paging links",
        ["IndexModel p"] = "page number in the paging links",
        ["IndexModel Size"] = "page size in the query string: only 25, 50 or 100 are taken, anything else keeps 25",
    };

    /// <summary>The typed fields, each with a form that stores it and a value in range written with a comma.</summary>
    private static readonly Dictionary<string, NumberField> Typed = new()
    {
        ["VisitFormModel Input.FvcPercentPredicted"] = new("71,5", StaffRoles.Coordinator, VisitAsync(v => v.FvcPercentPredicted)),
        ["VisitFormModel Input.WeightKg"] = new("78,4", StaffRoles.Coordinator, VisitAsync(v => v.WeightKg)),
        ["CourseFormModel Input.Number"] = new("2", StaffRoles.Physician, CourseAsync),
        ["CourseFormModel Transplantation.SuspensionCount"] = new("4", StaffRoles.Physician, TransplantationAsync(t => t.SuspensionCount)),
        ["CourseFormModel Transplantation.VolumeMl"] = new("2,5", StaffRoles.Physician, TransplantationAsync(t => t.VolumeMl)),
        ["TransplantationFormModel Transplantation.SuspensionCount"] = new("4", StaffRoles.Physician, TransplantationAsync(t => t.SuspensionCount, onItsOwnPage: true)),
        ["TransplantationFormModel Transplantation.VolumeMl"] = new("2,5", StaffRoles.Physician, TransplantationAsync(t => t.VolumeMl, onItsOwnPage: true)),
        ["EditCaseModel Input.AgeYears"] = new("57", StaffRoles.Administrator, CaseAsync(c => c.AgeYears)),
        ["EditCaseModel Input.SortOrder"] = new("3", StaffRoles.Administrator, CaseAsync(c => c.SortOrder)),
        ["EditPatentModel Input.Year"] = new("2019", StaffRoles.Administrator, PatentAsync(p => p.Year)),
        ["EditPatentModel Input.SortOrder"] = new("3", StaffRoles.Administrator, PatentAsync(p => p.SortOrder)),
        ["EditPublicationModel Input.Year"] = new("2019", StaffRoles.Administrator, PublicationAsync(p => p.Year)),
        ["EditPublicationModel Input.SortOrder"] = new("3", StaffRoles.Administrator, PublicationAsync(p => p.SortOrder)),
        ["EditTeamMemberModel Input.SortOrder"] = new("3", StaffRoles.Administrator, TeamMemberAsync),
    };

    public static TheoryData<string> TypedFields => [.. Typed.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_number_a_page_binds_is_typed_in_this_test_or_named_as_not_typed()
    {
        var found = BoundNumbers().Select(n => n.Name).ToHashSet();
        var unknown = found.Except(Typed.Keys).Except(NotTyped.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.True(unknown.Count == 0, "Numeric fields not covered by NumberFieldsTests (add each to Typed, or to NotTyped with a reason): " + string.Join(", ", unknown));
        var stale = Typed.Keys.Concat(NotTyped.Keys).Except(found).ToList();
        Assert.True(stale.Count == 0, "Listed in NumberFieldsTests but no longer bound: " + string.Join(", ", stale));
    }

    [Fact]
    public void No_view_asks_for_a_browser_number_field()
    {
        // Chromium's type="number" empties "2,5" before sending it; NumberInputTagHelper makes asp-for fields text.
        var offending = Directory.EnumerateFiles(RepositoryRoot.WebProject, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("type=\"number\"", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(RepositoryRoot.WebProject, f)).ToList();
        Assert.True(offending.Count == 0, "Use type=\"text\" with inputmode=\"decimal\" or \"numeric\" instead of type=\"number\" in: " + string.Join(", ", offending));
    }

    [Theory, EveryDatabase]
    public void Every_bound_number_is_read_by_the_locale_number_binder(DatabaseProvider database)
    {
        var services = apps[database].Services;
        var metadata = services.GetRequiredService<IModelMetadataProvider>();
        var binders = services.GetRequiredService<IModelBinderFactory>();
        var escaped = new List<string>();
        foreach (var number in BoundNumbers())
        {
            var model = number.Property is { } p ? metadata.GetMetadataForProperty(p.DeclaringType!, p.Name)
                : number.Parameter is { } q ? ((ModelMetadataProvider)metadata).GetMetadataForParameter(q) : metadata.GetMetadataForType(number.Type);
            var binder = binders.CreateBinder(new ModelBinderFactoryContext { Metadata = model, BindingInfo = BindingInfo.GetBindingInfo([], model) });
            if (binder is not NumberInputBinder) escaped.Add($"{number.Name} ({binder.GetType().Name})");
        }
        Assert.True(escaped.Count == 0, "Bound by another binder than NumberInputBinder: " + string.Join(", ", escaped));
    }

    [Theory]
    [EveryDatabaseMemberData(nameof(TypedFields))]
    public async Task Both_separators_store_the_number_and_ambiguous_text_is_refused_beside_the_field(DatabaseProvider database, string name)
    {
        var app = apps[database];
        var field = Typed[name];
        var key = name.Split(' ')[1];
        var type = BoundNumbers().Single(n => n.Name == name).Type;
        var whole = !(type == typeof(decimal) || type == typeof(double) || type == typeof(float));
        var expected = decimal.Parse(field.Sample.Replace(',', '.'), CultureInfo.InvariantCulture);
        var client = await app.SignedInClientAsync(field.Role);
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            foreach (var culture in Cultures)
            {
                // The reader's language both ways: the server's culture (staff pages follow it) and the browser's.
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.GetCultureInfo(culture), CultureInfo.GetCultureInfo(culture));
                client.DefaultRequestHeaders.AcceptLanguage.Clear();
                client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(culture));
                var form = await field.Open(app);

                var page = StaffSession.Parse(await client.GetStringAsync(form.Url));
                var input = page.QuerySelector($"input[name='{key}']");
                Assert.True(input is not null, $"{name}: no input on {form.Url}");
                Assert.Equal(("text", whole ? "numeric" : "decimal"), (input.GetAttribute("type"), input.GetAttribute("inputmode")));

                var typed = whole ? new[] { field.Sample, $" {field.Sample} " } : [field.Sample, field.Sample.Replace(',', '.'), $" {field.Sample} "];
                foreach (var text in typed)
                {
                    var before = await app.WithDbAsync(form.Stored);
                    var response = await form.PostAsync(client, key, text);
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{name} = \"{text}\" in {culture}: {(int)response.StatusCode} {Errors(await response.Content.ReadAsStringAsync())}");
                    var after = await app.WithDbAsync(form.Stored);
                    Assert.Equal([.. before, expected], after);
                }

                var refused = whole
                    ? new[] { ("2,5", NumberText.NotWhole), ("2.0", NumberText.NotWhole), ("1,234", NumberText.NotWhole), ("1 234", NumberText.NotWhole), ("12a", NumberText.NotWhole), ("-3", NumberText.Negative) }
                    : [("1,234", NumberText.Ambiguous), ("1.234", NumberText.Ambiguous), ("1.234,5", NumberText.Grouped), ("1 234", NumberText.Grouped),
                       ("1.234.5", NumberText.Grouped), ("2,5,1", NumberText.Grouped), ("2,5 ml", NumberText.NotANumber), ("-2,5", NumberText.Negative)];
                foreach (var (text, message) in refused)
                {
                    var before = await app.WithDbAsync(form.Stored);
                    var response = await form.PostAsync(client, key, text);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    var html = StaffSession.Parse(await response.Content.ReadAsStringAsync());
                    Assert.Equal(NumberText.Get(message, CultureInfo.GetCultureInfo("en")), html.QuerySelector($"[data-valmsg-for='{key}']")?.TextContent.Trim());
                    Assert.Equal(text, html.QuerySelector($"input[name='{key}']")?.GetAttribute("value"));
                    Assert.Equal(before, await app.WithDbAsync(form.Stored));
                }
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    private static string Errors(string html) =>
        string.Join("; ", StaffSession.Parse(html).QuerySelectorAll("[data-valmsg-for], .error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));

    // --- the forms ----------------------------------------------------------------------------

    /// <summary>A field: a value in range as typed with a comma, who may post it, and a form that stores it.</summary>
    private sealed record NumberField(string Sample, string Role, Func<RegistryAppFactory, Task<NumberForm>> Open);

    /// <summary>
    /// A form ready to post: its page, the other fields (made afresh for each post, so unique
    /// values stay unique), and every value of the field stored by this form so far, in order.
    /// </summary>
    private sealed record NumberForm(string Url, Func<Dictionary<string, string>> Fields, Func<RegistryDbContext, Task<List<decimal>>> Stored,
        string? Selector = null, bool WithPdf = false)
    {
        public async Task<HttpResponseMessage> PostAsync(HttpClient client, string key, string text)
        {
            var fields = Fields();
            fields[key] = text;
            if (!WithPdf) return await StaffSession.SubmitFormAsync(client, Url, fields, Selector);
            var pdf = Uploads.TestDocuments.Pdf(1000);
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            var body = new MultipartFormDataContent { { new StringContent(await StaffSession.AntiforgeryTokenAsync(client, Url)), "__RequestVerificationToken" }, { file, "Upload", "poster.pdf" } };
            foreach (var (name, value) in fields) body.Add(new StringContent(value), name);
            return await client.PostAsync(Url, body);
        }
    }

    private static async Task<Guid> PatientAsync(RegistryAppFactory app) =>
        await app.WithDbAsync(async db => { var p = Arrange.Patient("Brojeva"); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });

    private static Func<RegistryAppFactory, Task<NumberForm>> VisitAsync(Func<Data.Visits.Visit, double?> value) => async app =>
    {
        var id = await PatientAsync(app);
        return new NumberForm($"/staff/patients/{id}/visits/new",
            () => new() { ["Input.Date"] = "2025-04-04", ["Input.Kind"] = "FollowUp" },
            async db => (await db.Visits.AsNoTracking().Where(v => v.PatientId == id).OrderBy(v => v.CreatedAt).ToListAsync()).Select(v => (decimal)value(v)!.Value).ToList());
    };

    private static async Task<NumberForm> CourseAsync(RegistryAppFactory app)
    {
        var id = await PatientAsync(app);
        return new NumberForm($"/staff/patients/{id}/courses/new",
            () => new() { ["Input.StartDate"] = "2025-02-03", ["Input.EndDate"] = "2025-02-08" },
            async db => (await db.TreatmentCourses.AsNoTracking().Where(c => c.PatientId == id).OrderBy(c => c.CreatedAt).Select(c => c.Number).ToListAsync()).Select(n => (decimal)n).ToList());
    }

    /// <summary>A transplantation recorded on the course page, or on its own form ("new").</summary>
    private static Func<RegistryAppFactory, Task<NumberForm>> TransplantationAsync(Func<Transplantation, decimal> value, bool onItsOwnPage = false) => async app =>
    {
        var id = await PatientAsync(app);
        var courseId = await app.WithDbAsync(async db =>
        {
            var course = new TreatmentCourse { PatientId = id, Number = 1, StartDate = new DateOnly(2025, 2, 3), EndDate = new DateOnly(2025, 2, 8) };
            db.TreatmentCourses.Add(course);
            await db.SaveChangesAsync();
            return course.Id;
        });
        return new NumberForm(onItsOwnPage ? $"/staff/patients/{id}/courses/{courseId}/transplantations/new" : $"/staff/patients/{id}/courses/{courseId}",
            () => new()
            {
                ["Transplantation.Date"] = "2025-02-04", ["Transplantation.CellProductLot"] = "LOT-25", ["Transplantation.SuspensionCount"] = "4",
                ["Transplantation.VolumeMl"] = "6.5", ["Transplantation.Route"] = "Subcutaneous",
            },
            async db => (await db.Transplantations.AsNoTracking().Where(t => t.TreatmentCourseId == courseId).OrderBy(t => t.CreatedAt).ToListAsync()).Select(value).ToList(),
            onItsOwnPage ? null : "form[action*='handler=Transplantation']");
    };

    private static Func<RegistryAppFactory, Task<NumberForm>> CaseAsync(Func<Data.PublicSite.PatientCase, int> value) => async app =>
    {
        var id = await PatientAsync(app);
        var pseudonym = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.Pseudonym).SingleAsync());
        return new NumberForm("/staff/site/cases/new",
            () => new()
            {
                ["Input.Pseudonym"] = pseudonym, ["Input.Slug"] = "case-" + Guid.NewGuid().ToString("N")[..12], ["Input.Initials"] = "B.N.",
                ["Input.AgeYears"] = "60", ["Input.SortOrder"] = "1", ["Input.ClinicalPicture"] = "Weakness of the hands", ["Input.Published"] = "false",
            },
            async db => (await db.PatientCases.AsNoTracking().Where(c => c.PatientId == id).OrderBy(c => c.Id).ToListAsync()).Select(c => (decimal)value(c)).ToList());
    };

    private static Func<RegistryAppFactory, Task<NumberForm>> PatentAsync(Func<Data.PublicSite.Patent, int> value) => _ =>
    {
        var title = "Patent " + Guid.NewGuid().ToString("N");
        return Task.FromResult(new NumberForm("/staff/site/patents/new",
            () => new() { ["Input.Number"] = "RS 12345", ["Input.Title"] = title, ["Input.Year"] = "2018", ["Input.SortOrder"] = "1" },
            async db => (await db.Patents.AsNoTracking().Where(p => p.Title == title).OrderBy(p => p.Id).ToListAsync()).Select(p => (decimal)value(p)).ToList()));
    };

    private static Func<RegistryAppFactory, Task<NumberForm>> PublicationAsync(Func<Data.PublicSite.Publication, int?> value) => _ =>
    {
        var title = "Poster " + Guid.NewGuid().ToString("N");
        return Task.FromResult(new NumberForm("/staff/site/publications/new",
            () => new() { ["Input.Title"] = title, ["Input.Language"] = "en", ["Input.Year"] = "2018", ["Input.SortOrder"] = "1" },
            async db => (await db.Publications.AsNoTracking().Where(p => p.Title == title).OrderBy(p => p.Id).ToListAsync()).Select(p => (decimal)value(p)!.Value).ToList(),
            WithPdf: true));
    };

    private static Task<NumberForm> TeamMemberAsync(RegistryAppFactory app)
    {
        var name = "Ana " + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));
        return Task.FromResult(new NumberForm("/staff/site/team/new",
            () => new() { ["Input.Name"] = name, ["Input.SortOrder"] = "1", ["Input.Texts[0].Role"] = "Neurologist" },
            async db => (await db.TeamMembers.AsNoTracking().Where(m => m.Name == name).OrderBy(m => m.Id).ToListAsync()).Select(m => (decimal)m.SortOrder).ToList()));
    }

    // --- what the pages bind ------------------------------------------------------------------

    /// <summary>A number a page binds: "PageModel Input.Field", "PageModel Input.Dictionary[]" or "PageModel handlerParameter".</summary>
    private sealed record BoundNumber(string Name, Type Type, PropertyInfo? Property = null, ParameterInfo? Parameter = null);

    private static IEnumerable<BoundNumber> BoundNumbers()
    {
        var pages = typeof(NumberInputBinder).Assembly.GetTypes().Where(t => t is { IsAbstract: false } && typeof(PageModel).IsAssignableFrom(t));
        foreach (var page in pages)
        {
            foreach (var property in page.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<BindPropertyAttribute>() is not { } bind) continue;
                foreach (var number in Numbers(page.Name, bind.Name ?? property.Name, property)) yield return number;
            }
            foreach (var handler in page.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.Name.StartsWith("On", StringComparison.Ordinal)))
                foreach (var parameter in handler.GetParameters().Where(p => NumberInputBinderProvider.IsNumber(p.ParameterType)))
                    yield return new BoundNumber($"{page.Name} {parameter.Name}", Plain(parameter.ParameterType), Parameter: parameter);
        }
    }

    private static IEnumerable<BoundNumber> Numbers(string page, string key, PropertyInfo property)
    {
        var type = property.PropertyType;
        if (NumberInputBinderProvider.IsNumber(type)) { yield return new BoundNumber($"{page} {key}", Plain(type), property); yield break; }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && NumberInputBinderProvider.IsNumber(type.GetGenericArguments()[1]))
        {
            yield return new BoundNumber($"{page} {key}[]", Plain(type.GetGenericArguments()[1]));
            yield break;
        }
        if (type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("CellTherapyCenter", StringComparison.Ordinal) == true)
            foreach (var inner in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
                foreach (var number in Numbers(page, $"{key}.{inner.GetCustomAttribute<FromQueryAttribute>()?.Name ?? inner.Name}", inner))
                    yield return number;
    }

    private static Type Plain(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}
