using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace CellTherapyCenter.Web.CommandLine;

/// <summary>
/// The kinds of option the commands take, each "--name VALUE" with VALUE named in the help, and
/// each refusing a bad value as a usage error in the tool's own words ("--repeat must be a whole number").
/// </summary>
public static class CommandOption
{
    public static Option<string> Text(string name, string valueName, string description, bool required = true) =>
        new(name) { HelpName = valueName, Description = description, Required = required };

    /// <summary>One of a few words, e.g. <c>--ties efron|breslow</c>; absent, the caller's default applies.</summary>
    public static Option<string> OneOf(string name, string description, params string[] words)
    {
        var option = new Option<string>(name) { HelpName = string.Join('|', words), Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !words.Contains(value, StringComparer.Ordinal))
                result.AddError($"{name} must be {string.Join(" or ", words)}, not '{value}'");
        });
        return option;
    }

    /// <summary>A whole number, at least 0 unless <paramref name="allowNegative"/>; without a default, null when absent.</summary>
    public static Option<int?> WholeNumber(string name, string valueName, string description, int? defaultValue = null, bool allowNegative = false)
    {
        var style = allowNegative ? NumberStyles.AllowLeadingSign : NumberStyles.None;
        var option = new Option<int?>(name)
        {
            HelpName = valueName,
            Description = description,
            CustomParser = result => int.TryParse(Token(result), style, CultureInfo.InvariantCulture, out var n) ? n : Refuse<int?>(result, $"{name} must be a whole number"),
        };
        if (defaultValue is not null) option.DefaultValueFactory = _ => defaultValue;
        return option;
    }

    /// <summary>A number such as 0.7 (invariant culture); null when absent.</summary>
    public static Option<double?> Number(string name, string valueName, string description) => new(name)
    {
        HelpName = valueName,
        Description = description,
        CustomParser = result => double.TryParse(Token(result), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
            ? x : Refuse<double?>(result, $"{name} must be a number"),
    };

    /// <summary>A switch that takes no value.</summary>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : "";

    private static T? Refuse<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }
}
