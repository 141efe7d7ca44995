using System.Text.RegularExpressions;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CellTherapyCenter.Web.Tests.Conventions;

/// <summary>Typed model-state keys are the names the tag helpers give the fields ("Input.Title").</summary>
public sealed partial class FieldKeysTests
{
    private sealed class FormInput
    {
        public string Title { get; set; } = "";
        public int? Year { get; set; }
        public bool Published { get; set; }
    }

    private sealed class FormPage
    {
        public FormInput Input { get; set; } = new();
        public string? Reason { get; set; }
        public ModelStateDictionary ModelState { get; } = new();

        public string[] Keys() => [FieldKeys.For(() => Input.Title), FieldKeys.For(() => Input.Year), FieldKeys.For(() => Input.Published), FieldKeys.For(() => Reason)];

        public void Refuse() => ModelState.AddFieldError(() => Input.Title, "Enter the title.");
    }

    [Fact]
    public void A_key_is_the_property_path_below_the_page()
    {
        Assert.Equal(["Input.Title", "Input.Year", "Input.Published", "Reason"], new FormPage().Keys());
    }

    [Fact]
    public void An_error_is_filed_under_that_key()
    {
        var page = new FormPage();
        page.Refuse();
        Assert.Equal("Enter the title.", Assert.Single(page.ModelState["Input.Title"]!.Errors).ErrorMessage);
    }

    [Fact]
    public void No_field_error_is_filed_under_a_typed_string()
    {
        // A renamed property must not leave its error under the old name, beside no field.
        var offenders = Directory.EnumerateFiles(RepositoryRoot.WebProject, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(RepositoryRoot.WebProject, f), Line: i + 1, Text: line)))
            .Where(l => StringKey().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(offenders.Count == 0, "Use ModelState.AddFieldError(() => Input.X, …) instead of a string key: " + string.Join(", ", offenders));
    }

    /// <summary>
    /// AddModelError with a plain string literal as key. Allowed: nameof keys, keys built from a prefix and
    /// nameof or from the item being checked in a loop, and the empty key (an error about the whole form).
    /// </summary>
    [GeneratedRegex(@"AddModelError\(\s*""[^""]+""")]
    private static partial Regex StringKey();
}
