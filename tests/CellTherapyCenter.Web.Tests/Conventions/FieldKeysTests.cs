using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CellTherapyCenter.Web.Tests.Conventions;

/// <summary>Typed model-state keys are the names the tag helpers give the fields ("Input.Title").</summary>
public sealed class FieldKeysTests
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
}
