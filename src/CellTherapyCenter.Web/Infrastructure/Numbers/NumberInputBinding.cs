using System.Globalization;
using CellTherapyCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CellTherapyCenter.Web.Infrastructure.Numbers;

/// <summary>A bound number that may be negative; without it a minus sign is refused with its own message.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class NegativeAllowedAttribute : Attribute;

/// <summary>
/// Binds every number a form or query string sends (decimal, double, float and the integer types,
/// nullable or not) with <see cref="LocaleNumber"/>, so a new form cannot read "2,5" as 25. It is
/// the first binder provider (<see cref="NumberInputSetup.AddNumberInputs"/>); a convention test
/// asks the app's binder factory for every bound numeric property and fails on any other binder.
/// </summary>
public sealed class NumberInputBinderProvider : IModelBinderProvider
{
    private static readonly HashSet<Type> Fractional = [typeof(decimal), typeof(double), typeof(float)];
    private static readonly HashSet<Type> Whole = [typeof(int), typeof(long), typeof(short), typeof(byte), typeof(sbyte), typeof(uint), typeof(ulong), typeof(ushort)];

    /// <summary>Whether a model of this type (nullable or not) is a number this provider binds.</summary>
    public static bool IsNumber(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (Fractional.Contains(t) || Whole.Contains(t));

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.Metadata.ModelType;
        if (!IsNumber(type)) return null;
        var attributes = (context.Metadata as DefaultModelMetadata)?.Attributes.Attributes ?? [];
        return new NumberInputBinder(type, attributes.OfType<NegativeAllowedAttribute>().Any());
    }
}

/// <summary>Reads one number field; see <see cref="NumberInputBinderProvider"/>.</summary>
public sealed class NumberInputBinder(Type modelType, bool negativeAllowed) : IModelBinder
{
    private readonly Type _type = Nullable.GetUnderlyingType(modelType) ?? modelType;
    private readonly bool _nullable = Nullable.GetUnderlyingType(modelType) is not null;

    public Type ModelType => modelType;

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        // Not sent at all: the property keeps its default, as with the framework's binders.
        if (posted == ValueProviderResult.None) return Task.CompletedTask;
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);

        var text = posted.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (_nullable) bindingContext.Result = ModelBindingResult.Success(null);
            else Refuse(bindingContext, NumberText.Empty);
            return Task.CompletedTask;
        }

        var whole = _type != typeof(decimal) && _type != typeof(double) && _type != typeof(float);
        var negative = negativeAllowed && _type != typeof(uint) && _type != typeof(ulong) && _type != typeof(ushort) && _type != typeof(byte);
        object? value;
        NumberProblem problem;
        if (whole)
        {
            var read = LocaleNumber.ReadWhole(text, negative, out problem);
            value = read is { } n ? ToWhole(n) : null;
            if (read is not null && value is null) problem = NumberProblem.TooLarge;
        }
        else
        {
            var read = LocaleNumber.ReadDecimal(text, negative, out problem);
            value = read is not { } d ? null : _type == typeof(decimal) ? d : _type == typeof(double) ? (double)d : (float)d;
        }
        if (value is null) Refuse(bindingContext, NumberText.For(problem, whole));
        else bindingContext.Result = ModelBindingResult.Success(value);
        return Task.CompletedTask;
    }

    private object? ToWhole(long n)
    {
        try
        {
            return Convert.ChangeType(n, _type, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static void Refuse(ModelBindingContext context, string key)
    {
        var message = NumberText.Get(key, context.HttpContext);
        var state = context.ModelState;
        if (!state.TryAddModelError(context.ModelName, message)) return;
        // Marked, so that clearing the form's own checks (ClearExceptUnreadableNumbers) and a
        // handler's later check of the now empty value (FieldKeys.AddFieldError) leave it as the message.
        var errors = state[context.ModelName]!.Errors;
        errors[^1] = new UnreadableNumberError(message);
        context.Result = ModelBindingResult.Failed();
    }
}

/// <summary>The error of a field whose text could not be read as a number.</summary>
public sealed class UnreadableNumberError(string message) : ModelError(message);

public static class NumberInputSetup
{
    /// <summary>Puts <see cref="NumberInputBinderProvider"/> before the framework's binders.</summary>
    public static MvcOptions AddNumberInputs(this MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ModelBinderProviders.Insert(0, new NumberInputBinderProvider());
        return options;
    }

    public static bool IsUnreadableNumber(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry is not null && entry.Errors.Any(e => e is UnreadableNumberError);

    /// <summary>
    /// <see cref="ModelStateDictionary.Clear"/> for handlers that check every field themselves, but
    /// keeping the fields whose text was not a number: their message, and the text as typed.
    /// </summary>
    public static void ClearExceptUnreadableNumbers(this ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var kept = modelState.Where(e => e.Value?.Errors.Any(x => x is UnreadableNumberError) == true)
            .Select(e => (e.Key, e.Value!.RawValue, e.Value.AttemptedValue, Errors: e.Value.Errors.OfType<UnreadableNumberError>().ToList())).ToList();
        modelState.Clear();
        foreach (var (key, raw, attempted, errors) in kept)
        {
            modelState.SetModelValue(key, raw, attempted);
            foreach (var error in errors)
            {
                modelState.TryAddModelError(key, error.ErrorMessage);
                modelState[key]!.Errors[^1] = error;
            }
        }
    }
}
