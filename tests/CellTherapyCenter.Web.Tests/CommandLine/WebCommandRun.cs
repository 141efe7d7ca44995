using CellTherapyCenter.Web.CommandLine;
using CellTherapyCenter.Web.Tests.Infrastructure;

namespace CellTherapyCenter.Web.Tests.CommandLine;

/// <summary>Runs one of the web app's commands in-process, as Program.cs does, capturing what it writes.</summary>
public static class WebCommandRun
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await WebCommands.TryRunAsync(args, stdout, stderr)
            ?? throw new InvalidOperationException($"'{string.Join(' ', args)}' names no command: the web app would start");
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Host arguments that point a command at the factory's database, with a quiet log.</summary>
    public static string[] DatabaseOf(RegistryAppFactory app) =>
    [
        "--Database:Provider", app.Provider.ToString(),
        "--ConnectionStrings:Registry", app.ConnectionString,
        "--Logging:LogLevel:Default", "Warning",
    ];
}
