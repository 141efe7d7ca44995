using CellTherapyCenter.Web.CommandLine;

namespace CellTherapyCenter.Web.Tests.CommandLine;

/// <summary>Program.cs runs a command only when the first argument names one; anything else starts the web app.</summary>
public sealed class WebCommandsTests
{
    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5099")]
    [InlineData("--help")]
    [InlineData("stats", "km")]
    public async Task Arguments_that_name_no_command_start_the_web_app(params string[] args)
    {
        var stdout = new StringWriter();
        Assert.Null(await WebCommands.TryRunAsync(args, stdout, stdout));
        Assert.Equal("", stdout.ToString());
    }

    [Theory]
    [InlineData("seed-demo")]
    [InlineData("follow-up-pass")]
    [InlineData("privacy-pass")]
    public async Task Each_command_answers_help_and_refuses_an_unknown_option(string command)
    {
        var help = await WebCommandRun.RunAsync(command, "--help");
        Assert.Equal((0, ""), (help.Exit, help.Err));
        Assert.Contains($"{command} [options]", help.Out);

        var unknown = await WebCommandRun.RunAsync(command, "--patient", "10");
        Assert.Equal((2, ""), (unknown.Exit, unknown.Out));
        Assert.Equal("error: unknown option --patient", unknown.Err.Trim());
    }
}
