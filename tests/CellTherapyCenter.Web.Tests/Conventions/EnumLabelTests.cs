using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using CellTherapyCenter.Clinical.Text;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Demo;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Conventions;

/// <summary>
/// No label reads as code: every coded value a page can show has words ("Range of motion", not
/// "RangeOfMotion"). The member's [Display(Name)] is what both the select lists
/// (GetEnumSelectList) and <see cref="EnumText.Describe"/> show, so a member whose name is several
/// words glued together must have one; and the staff pages, filled with the demo cohort, show no
/// option, label, heading or cell whose whole text looks like an identifier.
/// </summary>
public sealed partial class EnumLabelTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    /// <summary>Enums that are settings or reasons in code, never shown on a page (a number's problem is shown by its message from NumberText).</summary>
    private static readonly HashSet<string> NeverShown = ["DatabaseProvider", "SmtpSecurity", "NumberProblem"];

    [GeneratedRegex("^[A-Za-z0-9]*([a-z][A-Z]|[a-z][0-9])[A-Za-z0-9]*$")]
    private static partial Regex Identifier();

    /// <summary>Names that are written this way: the MiToS staging system, the C9orf72 gene.</summary>
    private static readonly HashSet<string> ProperNames = ["MiToS", "C9orf72"];

    public static bool LooksLikeIdentifier(string text) => !ProperNames.Contains(text.Trim()) && Identifier().IsMatch(text.Trim());

    [Fact]
    public void The_rule_tells_identifiers_from_words()
    {
        Assert.True(LooksLikeIdentifier("RangeOfMotion"));
        Assert.True(LooksLikeIdentifier("Stage4A"));
        Assert.True(LooksLikeIdentifier(" IntravenousDrip "));
        Assert.False(LooksLikeIdentifier("Range of motion"));
        Assert.False(LooksLikeIdentifier("Clinician"));
        Assert.False(LooksLikeIdentifier("4A"));
        Assert.False(LooksLikeIdentifier("ALSFRS-R"));
        Assert.False(LooksLikeIdentifier("MiToS"));
    }

    [Fact]
    public void Every_enum_member_that_a_page_can_show_has_words_for_a_label()
    {
        var assemblies = new[] { typeof(EnumText).Assembly, typeof(Data.RegistryDbContext).Assembly, typeof(Program).Assembly };
        var bare = new List<string>();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsEnum && (t.IsPublic || t.IsNestedPublic) && !NeverShown.Contains(t.Name)))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                // What a select list built with GetEnumSelectList shows, and what EnumText.Describe shows.
                var listed = field.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? field.Name;
                var described = EnumText.Describe((Enum)field.GetValue(null)!);
                if (LooksLikeIdentifier(listed) || LooksLikeIdentifier(described))
                    bare.Add($"{type.FullName}.{field.Name}");
            }
        }
        Assert.True(bare.Count == 0, "Give these a [Display(Name = \"...\")] in words: " + string.Join(", ", bare));
    }

    [Theory, EveryDatabase]
    public async Task The_staff_pages_with_the_demo_cohort_show_no_label_that_reads_as_code(DatabaseProvider database)
    {
        var app = apps[database];
        _ = app.Server;
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoCohortSeeder>().SeedAsync(
                new DemoCohortOptions { Patients = 12, Seed = 7, DataDate = new DateOnly(2026, 6, 1) }, CancellationToken.None);
        var client = await app.SignedInClientAsync(StaffRoles.Administrator);
        // Patients with the most kinds of records: each record form opens from their chart.
        var patients = await app.WithDbAsync(db => db.Patients.Where(p => p.IsSynthetic)
            .OrderByDescending(p => db.TreatmentCourses.Count(c => c.PatientId == p.Id)).ThenBy(p => p.Id).Select(p => p.Id).Take(3).ToListAsync());

        var pages = new List<string> { "/staff/patients", "/staff/inquiries", "/staff/follow-up", "/staff/outcomes", "/staff/patients/new" };
        foreach (var id in patients)
        {
            var chartUrl = $"/staff/patients/{id}";
            pages.Add(chartUrl);
            var chart = StaffSession.Parse(await client.GetStringAsync(chartUrl));
            pages.AddRange(chart.QuerySelectorAll("main nav.actions a, main .timeline a").Select(a => a.GetAttribute("href")!).Where(h => h.StartsWith("/staff/", StringComparison.Ordinal)));
        }

        var found = new List<string>();
        foreach (var url in pages.Distinct())
        {
            var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
            var page = StaffSession.Parse(await response.Content.ReadAsStringAsync());
            foreach (var element in page.QuerySelectorAll("main option, main label, main legend, main th, main td, main dd, main caption"))
            {
                var text = element.TextContent.Trim();
                if (LooksLikeIdentifier(text)) found.Add($"{url}: <{element.LocalName}>{text}");
            }
        }
        Assert.True(pages.Count > 10, "Too few pages were looked at: " + string.Join(", ", pages));
        Assert.True(found.Count == 0, "Labels that read as code:\n" + string.Join('\n', found.Distinct()));
    }
}
