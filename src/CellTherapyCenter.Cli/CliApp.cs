using System.CommandLine;
using CellTherapyCenter.Cli.Commands;
using CellTherapyCenter.Web.CommandLine;

namespace CellTherapyCenter.Cli;

/// <summary>
/// <c>ctc</c>: every command of the project, each made next to its code. A new command is one
/// more line here.
/// </summary>
public static class CliApp
{
    public static RootCommand Root()
    {
        var root = new RootCommand(
            "The registry's command-line tool. Output is JSON on stdout; errors go to stderr (exit 1 for bad data, " +
            "naming the line; 2 for bad options).")
        {
            new Command("stats", "Statistics of a CSV file, checked against R.")
            {
                KaplanMeierCommand.Create(),
                LogRankCommand.Create(),
                CoxCommand.Create(),
                LmmCommand.Create(),
            },
            ClaimsCommand.Create(),
        };
        foreach (var command in WebCommands.Create()) root.Subcommands.Add(command);
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        CommandLineRunner.RunAsync(Root(), args, stdout, stderr);
}
