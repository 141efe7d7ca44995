using System.CommandLine;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Logging.Console;

namespace CellTherapyCenter.Web.CommandLine;

/// <summary>
/// The services of a command that works on the registry: the web app's own registration
/// (<see cref="Infrastructure.AppSetup.AddCellTherapyCenter"/>) and configuration (appsettings.json
/// of the content root, the environment, and host arguments given after the command's own
/// options). The host is built, never started, so no hosted service runs.
/// </summary>
public static class CommandHost
{
    public const string ArgumentsHelp =
        "Further arguments configure the web app's services as when it runs: --contentRoot DIR, --environment NAME, --Section:Key VALUE (e.g. --Database:Provider PostgreSQL).";

    public static WebApplicationBuilder CreateBuilder(IReadOnlyList<string> hostArgs, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. hostArgs],
            // The web app's name whichever program runs the command (ctc or the web app itself).
            ApplicationName = typeof(CommandHost).Assembly.GetName().Name,
        });
        // Beneath every other source: run outside the web app's folder (no appsettings.json), EF
        // Core would log each SQL command; appsettings.json and the environment still decide.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning")],
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        // stdout carries the command's JSON; its log goes to stderr.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddCellTherapyCenter();
        return builder;
    }

    /// <summary>
    /// The arguments a command left for the host, in the forms ASP.NET Core reads (--key value,
    /// --key=value, /key value, key=value), refused unless the key is a configuration path
    /// (Section:Key) or --contentRoot or --environment, so that a mistyped option is not ignored.
    /// </summary>
    public static string[] Arguments(ParseResult parsed)
    {
        var tokens = parsed.UnmatchedTokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var body = token.StartsWith("--", StringComparison.Ordinal) ? token[2..] : token.StartsWith('/') ? token[1..] : token;
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var key = equals >= 0 ? body[..equals] : body;
            if (!IsHostKey(key) || (equals < 0 && body.Length == token.Length))
                throw new CliException(CommandLineRunner.Unexpected(parsed.CommandResult.Command, token), isUsage: true);
            if (equals >= 0) continue;
            if (++i >= tokens.Count) throw new CliException($"{token} needs a value", isUsage: true);
        }
        return [.. tokens];
    }

    private static bool IsHostKey(string key) =>
        key.Contains(':', StringComparison.Ordinal)
        || key.Equals("contentRoot", StringComparison.OrdinalIgnoreCase)
        || key.Equals("environment", StringComparison.OrdinalIgnoreCase);
}
