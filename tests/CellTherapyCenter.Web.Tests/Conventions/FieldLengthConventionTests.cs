using System.ComponentModel.DataAnnotations;
using System.Reflection;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Conventions;

/// <summary>
/// Every text column has a length limit, and every text a form posts is checked against one before it
/// reaches the database; every person's name refuses control and bidi characters (issue 16, item 5).
/// </summary>
public sealed class FieldLengthConventionTests
{
    /// <summary>Unbounded on purpose: the audit trail's change lists and past versions are written by the app, never typed.</summary>
    private static readonly HashSet<string> Unbounded =
    [
        $"{nameof(AuditEntry)}.{nameof(AuditEntry.Changes)}",
        $"{nameof(AuditEntry)}.{nameof(AuditEntry.Detail)}",
        // A past version's stored values (FHIR history), written by SaveChanges from the record itself.
        $"{nameof(CellTherapyCenter.Data.History.RecordVersion)}.{nameof(CellTherapyCenter.Data.History.RecordVersion.Values)}",
    ];

    [Fact]
    public void Every_string_column_of_every_entity_has_a_max_length()
    {
        var options = new DbContextOptionsBuilder<SqliteRegistryDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteRegistryDbContext(options, SystemActor.Instance, TimeProvider.System);
        var offenders = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Entity: e, Property: p)))
            .Where(x => x.Property.ClrType == typeof(string) && x.Property.GetMaxLength() is null)
            .Select(x => $"{x.Entity.ClrType.Name}.{x.Property.Name}")
            .Where(name => !Unbounded.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(offenders.Count == 0, "Give these a HasMaxLength(FieldLengths.…) in their configuration: " + string.Join(", ", offenders));
    }

    /// <summary>The text fields every page posts: [BindProperty] strings and the strings of bound input classes (query strings aside).</summary>
    private static IEnumerable<(string Name, PropertyInfo Property)> PostedStrings()
    {
        var pages = typeof(Program).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract);
        foreach (var page in pages)
            foreach (var bound in page.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (bound.GetCustomAttribute<BindPropertyAttribute>() is not { SupportsGet: false }) continue;
                if (bound.PropertyType == typeof(string)) yield return ($"{page.Name}.{bound.Name}", bound);
                else if (bound.PropertyType.Assembly == typeof(Program).Assembly && bound.PropertyType.IsClass)
                    foreach (var field in bound.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(f => f.CanWrite && f.PropertyType == typeof(string)))
                        yield return ($"{page.Name}.{bound.Name}.{field.Name}", field);
            }
    }

    [Fact]
    public void Every_posted_text_field_has_a_length_limit()
    {
        var fields = PostedStrings().ToList();
        Assert.True(fields.Count > 40, "The forms' fields were not found.");
        var offenders = fields.Where(f => f.Property.GetCustomAttribute<StringLengthAttribute>() is null).Select(f => f.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(offenders.Count == 0, "Give these a [TextLimit(FieldLengths.…)]: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Every_posted_name_of_a_person_refuses_control_and_bidi_characters()
    {
        string[] personNames = ["Name", "FamilyName", "GivenName", "DisplayName"];
        var offenders = PostedStrings().Where(f => personNames.Contains(f.Property.Name) && f.Property.GetCustomAttribute<PersonNameAttribute>() is null)
            .Select(f => f.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(offenders.Count == 0, "Give these a [PersonName]: " + string.Join(", ", offenders));
    }
}
