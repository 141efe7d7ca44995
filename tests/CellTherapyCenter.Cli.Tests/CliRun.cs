namespace CellTherapyCenter.Cli.Tests;

/// <summary>Runs the CLI in-process, as Program.cs does, capturing what it writes.</summary>
public static class CliRun
{
    public static string Reference(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", file);

    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>CSV inputs written for one test class into a temporary folder removed afterwards.</summary>
public sealed class TemporaryCsvFiles : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("ctc-cli-").FullName;

    public string Write(string text)
    {
        var path = Path.Combine(Directory, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
