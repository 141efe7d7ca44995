using System.CommandLine;
using System.Text.RegularExpressions;
using static CellTherapyCenter.Cli.Tests.CliRun;

namespace CellTherapyCenter.Cli.Tests;

/// <summary>
/// Every command of ctc, found by walking its command tree: each answers --help with its options
/// and their descriptions, refuses an unknown option and a missing required one with exit 2 and
/// nothing on stdout, and a command that only groups others asks for one of them.
/// </summary>
public sealed partial class CommandLineTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        void Walk(Command command, string path)
        {
            data.Add(path);
            foreach (var sub in command.Subcommands) Walk(sub, $"{path} {sub.Name}".Trim());
        }
        Walk(CliApp.Root(), "");
        return data;
    }

    private static Command Find(string path) =>
        Words(path).Aggregate((Command)CliApp.Root(), (command, word) => command.Subcommands.Single(c => c.Name == word));

    private static string[] Words(string path) => path.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Help wraps to the terminal's width when there is one; words are compared, not line breaks.</summary>
    private static string Flat(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [Fact]
    public void Ctc_holds_every_command()
    {
        var commands = Commands().Cast<object[]>().Select(row => (string)row[0]).ToList();
        Assert.Equal(["", "stats", "stats km", "stats logrank", "stats cox", "stats lmm", "claims", "seed-demo", "follow-up-pass", "privacy-pass", "backup", "restore", "verify-audit", "fhir-client", "fhir-client add", "import", "import proact", "export", "export proact"], commands);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_names_every_option_with_its_description(string path)
    {
        var command = Find(path);
        var (exit, stdout, stderr) = await RunAsync([.. Words(path), "--help"]);

        Assert.Equal((0, ""), (exit, stderr));
        var help = Flat(stdout);
        Assert.Contains(Flat(command.Description!), help);
        foreach (var option in command.Options)
            Assert.Contains($"{option.Name}", help);
        foreach (var option in command.Options.Where(o => o.Description is not null))
            Assert.Contains(Flat(option.Description!), help);
        foreach (var sub in command.Subcommands)
            Assert.Contains(sub.Name, help);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task An_unknown_option_or_a_missing_command_is_a_usage_error(string path)
    {
        var command = Find(path);
        var (exit, stdout, stderr) = await RunAsync([.. Words(path), "--no-such-option", "1"]);

        Assert.Equal((2, ""), (exit, stdout));
        Assert.StartsWith("error: unknown option --no-such-option", stderr);
        if (command.Subcommands.Count == 0) return;
        (exit, stdout, stderr) = await RunAsync(Words(path));
        Assert.Equal((2, ""), (exit, stdout));
        Assert.All(command.Subcommands, sub => Assert.Contains(sub.Name, stderr));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_missing_required_option_is_named(string path)
    {
        var required = Find(path).Options.Where(o => o.Required).ToList();
        if (required.Count == 0) return;
        var (exit, stdout, stderr) = await RunAsync(Words(path));

        Assert.Equal((2, ""), (exit, stdout));
        Assert.Equal($"error: {required[0].Name} is required", stderr.Trim());
    }

    [Theory]
    [InlineData("follow-up-pass --repeat many", "--repeat must be a whole number")]
    [InlineData("follow-up-pass --repeat", "--repeat")]
    [InlineData("seed-demo --patients -5", "--patients must be a whole number")]
    [InlineData("seed-demo --self-report-share lots", "--self-report-share must be a number")]
    [InlineData("seed-demo --Demo:Seed", "--Demo:Seed needs a value")]
    [InlineData("seed-demo stray", "expected an option like --patients, not 'stray'")]
    [InlineData("stats km --csv a.csv --csv b.csv --time t --event e", "--csv")]
    public async Task A_bad_value_is_refused_before_anything_runs(string args, string message)
    {
        var (exit, stdout, stderr) = await RunAsync(Words(args));

        Assert.Equal((2, ""), (exit, stdout));
        Assert.StartsWith("error: ", stderr);
        Assert.Contains(message, stderr);
    }
}
