using System.CommandLine;
using CellTherapyCenter.Web.Features.Backup;
using CellTherapyCenter.Web.Features.Demo;
using CellTherapyCenter.Web.Features.FollowUp;

namespace CellTherapyCenter.Web.CommandLine;

/// <summary>
/// The commands the web app owns, run as <c>dotnet run --project src/CellTherapyCenter.Web -- seed-demo ...</c>;
/// <c>ctc</c> holds the same commands beside its own. Each is made next to the feature it serves.
/// </summary>
public static class WebCommands
{
    public static IEnumerable<Command> Create() =>
    [
        SeedDemoCommand.Create(),
        FollowUpPassCommand.Create(),
        Features.Privacy.PrivacyPassCommand.Create(),
        .. BackupCommands.Create(),
        Features.Fhir.Smart.FhirClientCommand.Create(),
        .. Features.ProAct.ProActCommands.Create(),
    ];

    /// <summary>Runs the command the arguments name, or returns null: any other arguments start the web app.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("The registry's own commands; without one, the web app starts.");
        foreach (var command in Create()) root.Subcommands.Add(command);
        if (args.Length == 0 || !root.Subcommands.Any(c => c.Name == args[0])) return null;
        return await CommandLineRunner.RunAsync(root, args, stdout, stderr);
    }
}
