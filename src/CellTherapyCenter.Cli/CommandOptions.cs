namespace CellTherapyCenter.Cli;

/// <summary>"--name value" pairs; every option is named, none repeats.</summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, string> _values;

    private CommandOptions(Dictionary<string, string> values) => _values = values;

    public static CommandOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length < 3)
                throw new CliException($"expected an option like --csv, not '{args[i]}'", isUsage: true);
            if (i + 1 >= args.Length) throw new CliException($"{args[i]} needs a value", isUsage: true);
            if (!values.TryAdd(args[i][2..], args[i + 1])) throw new CliException($"{args[i]} is given twice", isUsage: true);
        }
        return new CommandOptions(values);
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new CliException($"--{name} is required", isUsage: true);

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    /// <summary>Refuses options the command does not know, so a typo is not silently ignored.</summary>
    public void AllowOnly(params string[] names)
    {
        var unknown = _values.Keys.Except(names).ToList();
        if (unknown.Count > 0) throw new CliException($"unknown option --{unknown[0]}", isUsage: true);
    }
}
