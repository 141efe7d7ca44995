using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CellTherapyCenter.Web.Infrastructure.Validation;

/// <summary>
/// The text checks (<see cref="TextLimitAttribute"/>, <see cref="PersonNameAttribute"/>) again, for
/// handlers that clear the model state to check every field themselves: the limits must hold
/// whichever way a form is checked, or an over-long value reaches the database.
/// </summary>
public static class TextChecks
{
    /// <summary>Adds each refused text field of <paramref name="model"/> under "<paramref name="prefix"/>.Name" (or "Name" without a prefix).</summary>
    public static void CheckTexts(this ModelStateDictionary modelState, object model, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(model);
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string) && p.CanRead))
        {
            var checks = property.GetCustomAttributes<ValidationAttribute>().Where(a => a is StringLengthAttribute or PersonNameAttribute).ToList();
            if (checks.Count == 0 || property.GetValue(model) is not string value) continue;
            var key = prefix is null ? property.Name : $"{prefix}.{property.Name}";
            foreach (var check in checks.Where(c => !c.IsValid(value)))
                modelState.AddModelError(key, check.FormatErrorMessage(property.Name));
        }
    }
}
