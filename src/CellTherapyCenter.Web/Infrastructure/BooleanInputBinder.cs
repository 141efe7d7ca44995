using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// Binds a checkbox (bool, bool?) from a form or query string. A value other than true/false
/// ("maybe", "on", "1") is refused with a message beside the field and left as false (or empty),
/// and the value kept for re-display is that, not the typed text: the framework's own binder kept
/// "maybe", and the checkbox tag helper then threw converting it back to a boolean (a 500).
/// </summary>
public sealed class BooleanInputBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None) return Task.CompletedTask;
        // A checkbox posts "true" and its hidden "false" together: the first value decides.
        var typed = result.FirstValue;
        var nullable = bindingContext.ModelType == typeof(bool?);
        if (string.IsNullOrWhiteSpace(typed))
        {
            if (nullable) bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
        if (bool.TryParse(typed.Trim(), out var value))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value, typed);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, nullable ? null : false, typed);
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Tick the box or leave it empty.");
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

public sealed class BooleanInputBinderProvider : IModelBinderProvider
{
    private static readonly BooleanInputBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.ModelType == typeof(bool) || context.Metadata.ModelType == typeof(bool?) ? Binder : null;
    }
}
