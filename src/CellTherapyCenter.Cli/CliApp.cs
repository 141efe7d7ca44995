using CellTherapyCenter.Cli.Commands;

namespace CellTherapyCenter.Cli;

/// <summary>The command table: "stats km" and so on, each a class of its own.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private static readonly Dictionary<string, Func<CommandOptions, TextWriter, Task>> Commands = new()
    {
        ["stats km"] = KaplanMeierCommand.RunAsync,
        ["stats logrank"] = LogRankCommand.RunAsync,
        ["stats cox"] = CoxCommand.RunAsync,
        ["stats lmm"] = LmmCommand.RunAsync,
        ["claims"] = ClaimsCommand.RunAsync,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // Commands are one word ("claims") or two ("stats km"); options follow.
        var words = args.Length >= 2 && Commands.ContainsKey($"{args[0]} {args[1]}") ? 2 : 1;
        if (args.Length < words || !Commands.TryGetValue(string.Join(' ', args[..words]), out var command))
        {
            await stderr.WriteLineAsync(Help);
            return Usage;
        }
        try
        {
            // Output is built in full before any of it is written: a failing command prints nothing on stdout.
            var output = new StringWriter();
            await command(CommandOptions.Parse(args[words..]), output);
            await stdout.WriteAsync(output.ToString());
            return Ok;
        }
        catch (CliException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return e.IsUsage ? Usage : Failed;
        }
    }

    public const string Help = """
        usage:
          ctc stats km --csv FILE --time COL --event COL [--group COL] [--conf-type log|log-log]
          ctc stats logrank --csv FILE --time COL --event COL --group COL
          ctc stats cox --csv FILE --time COL --event COL --covariates a,b,c [--ties efron|breslow]
          ctc stats lmm --csv FILE --subject COL --time COL --outcome COL
          ctc claims --database CONNECTION [--provider sqlite|postgresql] [--repeat N]
        The event column holds 0/1 or false/true. Output is JSON on stdout; errors go to stderr.
        Kaplan-Meier output follows R's survfit: "stdErr" is the standard error of the cumulative
        hazard (summary(survfit)$std.err / surv), "lower"/"upper" the pointwise 95% limits, and the
        median with its limits as quantile(survfit, 0.5); null where R gives NA.
        claims prints the claims audit of a registry: CONNECTION is a PostgreSQL connection string
        (Host=...), a SQLite connection string (Data Source=...) or a SQLite file's path.
        """;
}

/// <summary>A failure to report on stderr: bad options (usage) or bad data.</summary>
public sealed class CliException(string message, bool isUsage = false) : Exception(message)
{
    public bool IsUsage { get; } = isUsage;
}
