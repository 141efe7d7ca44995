using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace CellTherapyCenter.Web.CommandLine;

/// <summary>
/// Runs a command tree the way every command of this project answers: JSON (or help) on stdout,
/// written only when the command succeeds; <c>error: ...</c> on stderr; exit 0 ok, 1 failed,
/// 2 usage. Shared by the web app's own commands and <c>ctc</c>.
/// </summary>
public static class CommandLineRunner
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private static readonly ParserConfiguration Parsing = new()
    {
        // "@file" is a path like any other here, not a file of further arguments.
        ResponseFileTokenReplacer = null,
    };

    public static async Task<int> RunAsync(RootCommand root, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = root.Parse(args, Parsing);
        if (parsed.Action is ParseErrorAction)
        {
            await stderr.WriteLineAsync($"error: {FirstError(parsed)}");
            // A command that only groups others ("ctc", "ctc stats") lists them: that is what was missing.
            if (parsed.CommandResult.Command.Subcommands.Count > 0)
                await root.Parse([.. PathOf(parsed.CommandResult), "--help"], Parsing).InvokeAsync(new InvocationConfiguration { Output = stderr });
            return Usage;
        }

        // Output is built in full before any of it is written: a failing command prints nothing on
        // stdout. A streaming command's lines each report work already done, so they go out at once.
        var streaming = parsed.CommandResult.Command is StreamingCommand;
        var output = streaming ? stdout : new StringWriter();
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = stderr,
            // An unexpected exception stays unhandled, with its stack trace, as before this runner.
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        int exit;
        try
        {
            exit = await parsed.InvokeAsync(invocation);
        }
        catch (CliException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return e.IsUsage ? Usage : Failed;
        }
        if (exit == Ok && !streaming) await stdout.WriteAsync(output.ToString());
        return exit;
    }

    /// <summary>The first thing wrong with the command line, in the words the tools have always used.</summary>
    private static string FirstError(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        if (command.TreatUnmatchedTokensAsErrors && parsed.UnmatchedTokens.Count > 0)
            return Unexpected(command, parsed.UnmatchedTokens[0]);
        // A command that passes host settings through still names an unknown option before a missing one.
        if (!command.TreatUnmatchedTokensAsErrors && parsed.UnmatchedTokens.Count > 0)
        {
            try { CommandHost.Arguments(parsed); }
            catch (CliException e) { return e.Message; }
        }
        var error = parsed.Errors[0];
        return error.SymbolResult is OptionResult { Implicit: true, Option: { Required: true } option }
            ? $"{option.Name} is required"
            : error.Message;
    }

    /// <summary>The words that name a command, without the root's: "stats", "km".</summary>
    private static IEnumerable<string> PathOf(CommandResult command) =>
        command.Parent is CommandResult parent ? [.. PathOf(parent), command.Command.Name] : [];

    public static string Unexpected(Command command, string token) =>
        token.StartsWith('-') ? $"unknown option {token}"
        : command.Subcommands.Count > 0 ? $"unknown command '{token}'"
        : $"expected an option like {command.Options.FirstOrDefault(o => o is not HelpOption)?.Name ?? "--help"}, not '{token}'";
}

/// <summary>A command whose output lines are written as they come (see <see cref="CommandLineRunner"/>).</summary>
public sealed class StreamingCommand(string name, string description) : Command(name, description);

/// <summary>A failure to report on stderr: bad options (usage, exit 2) or bad data (exit 1).</summary>
public sealed class CliException(string message, bool isUsage = false) : Exception(message)
{
    public bool IsUsage { get; } = isUsage;
}
