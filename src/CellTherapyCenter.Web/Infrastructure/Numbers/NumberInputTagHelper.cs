using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CellTherapyCenter.Web.Infrastructure.Numbers;

/// <summary>
/// Every <c>&lt;input asp-for&gt;</c> bound to a number becomes a text field with a numeric
/// keyboard: Chromium's <c>type="number"</c> empties "2,5" before the form is sent, so a decimal
/// comma never reached the server. Runs after the framework's input tag helper and replaces its
/// type; the value is what the user typed after an error, else the number in the reader's
/// culture, never in the shape <see cref="LocaleNumber"/> refuses as ambiguous.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NumberInputTagHelper : TagHelper
{
    /// <summary>After <c>InputTagHelper</c>, which has the default order.</summary>
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var type = For.Metadata.ModelType;
        if (!NumberInputBinderProvider.IsNumber(type)) return;
        if (output.Attributes["type"]?.Value?.ToString() is "hidden" or "radio" or "checkbox") return;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var fractional = underlying == typeof(decimal) || underlying == typeof(double) || underlying == typeof(float);
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", fractional ? "decimal" : "numeric");
        if (!output.Attributes.ContainsName("autocomplete")) output.Attributes.SetAttribute("autocomplete", "off");

        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ModelState.TryGetValue(name, out var entry) && entry?.AttemptedValue is not null) return;
        if (For.Model is null) return;
        output.Attributes.SetAttribute("value", LocaleNumber.Format(Convert.ToDecimal(For.Model, CultureInfo.InvariantCulture), CultureInfo.CurrentCulture));
    }
}
